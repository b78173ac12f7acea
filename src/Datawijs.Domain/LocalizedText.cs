namespace Datawijs.Domain;

/// <summary>A text in Dutch and English: model texts, profile names, feature labels.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    public string In(Language language) => language == Language.English ? En : Nl;
}
