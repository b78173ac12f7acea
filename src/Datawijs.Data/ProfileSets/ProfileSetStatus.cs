namespace Datawijs.Data.ProfileSets;

public static class ProfileSetStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Retired = "retired";
}
