using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans;

/// <summary>The maturity model a stored scan pinned, and reading its stored score.</summary>
public static class StoredScans
{
    public static MaturityModel ModelOf(string modelId) =>
        DefaultMaturityModels.Find(modelId) ?? throw new InvalidOperationException($"Scan pins model '{modelId}', which this installation does not ship.");

    public static RespondentAnswers ToDomain(ScanResponseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RespondentAnswers(row.RespondentId, ScanJson.ReadAnswers(row.Answers), row.Role);
    }
}
