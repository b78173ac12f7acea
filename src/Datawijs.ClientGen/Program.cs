using Datawijs.ClientGen;

// Usage: Datawijs.ClientGen <openapi.json> <output folder>
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: dotnet run --project src/Datawijs.ClientGen -- openapi/openapi.json src/Datawijs.Client/Generated");
    return 2;
}

IReadOnlyDictionary<string, string> files;
try
{
    files = RefitGenerator.Generate(File.ReadAllText(args[0]));
}
catch (ClientGenerationException e)
{
    // Nothing is written: a client that silently lost part of the contract is worse than none.
    Console.Error.WriteLine($"{args[0]}: cannot generate the client: {e.Message}");
    return 1;
}

Directory.CreateDirectory(args[1]);
foreach (var stale in Directory.GetFiles(args[1], "*.g.cs").Where(f => !files.ContainsKey(Path.GetFileName(f))))
{
    File.Delete(stale);
}

foreach (var (name, content) in files)
{
    File.WriteAllText(Path.Combine(args[1], name), content);
}

Console.WriteLine($"Wrote {files.Count} files to {Path.GetFullPath(args[1])}");
return 0;
