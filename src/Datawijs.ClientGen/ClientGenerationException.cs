namespace Datawijs.ClientGen;

/// <summary>A construct of the document the generator cannot map faithfully; it stops rather than guess.</summary>
public sealed class ClientGenerationException(string message) : Exception(message);
