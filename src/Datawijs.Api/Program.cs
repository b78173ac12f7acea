return await Datawijs.Api.Startup.DatawijsApplication.RunAsync(args);

/// <summary>The entry point.</summary>
public partial class Program;
