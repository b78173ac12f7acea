using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Datawijs.ClientGen.Tests;

/// <summary>Compiles generated files against the real client runtime and Refit, as a consumer's build would.</summary>
internal static class Compiler
{
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Errors, plus doc-comment warnings (badly formed XML means text escaped its comment).</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> files, string ns)
    {
        // The façade's hand-written half (Get<T>) lives in Datawijs.Client; give the test namespace a stand-in.
        var stub = $"namespace {ns};\npublic sealed partial class DatawijsClient {{ public T Get<T>() where T : class => throw new NotSupportedException(); }}\n";
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Value, options, path: f.Key))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, options, path: "GlobalUsings.cs"))
            .Append(CSharpSyntaxTree.ParseText(stub, options, path: "Stub.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Refit.IApiResponse).Assembly.Location)
            .Append(typeof(Datawijs.Client.FeatureValue).Assembly.Location)
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id is "CS1570" or "CS1587")
            .Select(d => d.ToString())
            .ToList();
    }
}
