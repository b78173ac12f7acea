using System.Text;
using Datawijs.Api.Auth;
using Datawijs.Api.OpenApi;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Scans;
using FastEndpoints;
using Microsoft.Net.Http.Headers;

namespace Datawijs.Api.Features.Scans.ListScores;

public sealed class ScoreList
{
    public IReadOnlyList<ScoreEntry> Items { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    public string? Next { get; init; }
}
