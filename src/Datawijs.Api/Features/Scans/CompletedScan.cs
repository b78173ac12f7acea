using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans;

/// <summary>A completed scan with the model it pinned and the score stored at completion.</summary>
public sealed record CompletedScan(ScanRow Row, MaturityModel Model, ScanScore Score);
