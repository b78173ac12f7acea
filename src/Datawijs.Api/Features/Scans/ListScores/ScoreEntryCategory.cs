using System.Text;
using Datawijs.Api.Auth;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Scans;
using FastEndpoints;
using Microsoft.Net.Http.Headers;

namespace Datawijs.Api.Features.Scans.ListScores;

public sealed class ScoreEntryCategory
{
    public string CategoryId { get; init; } = "";

    public double? Score { get; init; }

    public int? Level { get; init; }
}
