namespace Datawijs.Api.Features.Scans;

public static class ScanStatus
{
    public const string Open = "open";
    public const string Completed = "completed";
}
