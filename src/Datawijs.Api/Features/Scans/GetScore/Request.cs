using FastEndpoints;

namespace Datawijs.Api.Features.Scans.GetScore;

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
