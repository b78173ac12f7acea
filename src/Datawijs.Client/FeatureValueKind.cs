using System.Text.Json;
using System.Text.Json.Serialization;

namespace Datawijs.Client;

public enum FeatureValueKind
{
    None = 0,
    Text,
    Number,
    Boolean,
}
