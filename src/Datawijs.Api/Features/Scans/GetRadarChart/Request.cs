using FastEndpoints;

namespace Datawijs.Api.Features.Scans.GetRadarChart;

public sealed class Request : CompletedScanRequest
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Group).IsPeerGroup();
        }
    }
}
