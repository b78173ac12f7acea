return await Datawijs.Api.Hosting.DatawijsApplication.RunAsync(args);

/// <summary>The entry point.</summary>
public partial class Program;
