using Datawijs.Api.Http;

namespace Datawijs.Api.Features.Scans;

public static class ScanProblems
{
    public static Task CompletedAsync(HttpContext context) =>
        Problems.WriteAsync(context, StatusCodes.Status409Conflict, "scan-completed", "The scan is completed: its answers are frozen and its score is stored.");

    public static Task NotCompletedAsync(HttpContext context) =>
        Problems.WriteAsync(context, StatusCodes.Status409Conflict, "scan-open", "The scan is still open: complete it first (POST /scans/{scanId}/completion).");
}
