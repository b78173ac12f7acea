namespace Datawijs.Client;

public enum FeatureValueKind
{
    None = 0,
    Text,
    Number,
    Boolean,
}
