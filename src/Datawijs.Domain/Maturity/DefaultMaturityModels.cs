namespace Datawijs.Domain.Maturity;

/// <summary>
/// The maturity models that ship with Datawijs, read once from the embedded
/// <c>default-model-v1.json</c> and <c>default-model-v2.json</c>. Reading the assembly's own resources
/// is the only I/O the domain does. Version 2 (level bands, plain texts) is the one to use for new
/// scans; version 1 stays so that every scan that pinned it keeps its model unchanged.
/// </summary>
public static class DefaultMaturityModels
{
    public const string FullV1Id = "dmm-full-v1";
    public const string QuickV1Id = "dmm-quick-v1";
    public const string FullV2Id = "dmm-full-v2";
    public const string QuickV2Id = "dmm-quick-v2";
    internal static readonly string[] ResourceNames =
        ["Datawijs.Domain.Maturity.default-model-v1.json", "Datawijs.Domain.Maturity.default-model-v2.json"];

    private static readonly Lazy<IReadOnlyList<MaturityModel>> Models = new(Load);

    /// <summary>Every shipped model: version 1 (full, quick), then version 2 (full, quick).</summary>
    public static IReadOnlyList<MaturityModel> All => Models.Value;

    public static MaturityModel FullV1 => Find(FullV1Id)!;

    public static MaturityModel QuickV1 => Find(QuickV1Id)!;

    public static MaturityModel FullV2 => Find(FullV2Id)!;

    public static MaturityModel QuickV2 => Find(QuickV2Id)!;

    public static MaturityModel? Find(string modelId) =>
        All.FirstOrDefault(m => string.Equals(m.Id, modelId, StringComparison.Ordinal));

    private static IReadOnlyList<MaturityModel> Load() => MaturityModel.Freeze(ResourceNames.SelectMany(Load));

    private static IReadOnlyList<MaturityModel> Load(string resourceName)
    {
        using var stream = typeof(DefaultMaturityModels).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from Datawijs.Domain.");
        using var reader = new StreamReader(stream);
        return MaturityModelDocument.Parse(reader.ReadToEnd());
    }
}
