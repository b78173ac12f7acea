using Datawijs.Api.Http;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Organisations;
using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;
using FastEndpoints;

namespace Datawijs.Api.Features.Scans.GetHistory;

public sealed class HistoryCategoryScore
{
    public string CategoryId { get; init; } = "";

    public double? Score { get; init; }

    public int? Level { get; init; }
}
