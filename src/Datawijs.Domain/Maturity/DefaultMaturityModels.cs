namespace Datawijs.Domain.Maturity;

/// <summary>
/// The maturity models that ship with Datawijs, read once from the embedded
/// <c>default-model-v1.json</c>. Reading the assembly's own resource is the only I/O the domain does.
/// </summary>
public static class DefaultMaturityModels
{
    public const string FullV1Id = "dmm-full-v1";
    public const string QuickV1Id = "dmm-quick-v1";
    internal const string ResourceName = "Datawijs.Domain.Maturity.default-model-v1.json";

    private static readonly Lazy<IReadOnlyList<MaturityModel>> Models = new(Load);

    /// <summary>Every shipped model, full variant first.</summary>
    public static IReadOnlyList<MaturityModel> All => Models.Value;

    public static MaturityModel FullV1 => Find(FullV1Id)!;

    public static MaturityModel QuickV1 => Find(QuickV1Id)!;

    public static MaturityModel? Find(string modelId) =>
        All.FirstOrDefault(m => string.Equals(m.Id, modelId, StringComparison.Ordinal));

    private static IReadOnlyList<MaturityModel> Load()
    {
        using var stream = typeof(DefaultMaturityModels).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from Datawijs.Domain.");
        using var reader = new StreamReader(stream);
        return MaturityModelDocument.Parse(reader.ReadToEnd());
    }
}
