using Datawijs.Api.Http;

namespace Datawijs.Api.OpenApi;

public static class RouteHandlerBuilderExtensions
{
    public static RouteHandlerBuilder WithOperationId(this RouteHandlerBuilder builder, string operationId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new OperationIdMetadata(operationId));
    }

    /// <summary>Declares the problem+json answers an operation can give besides those every secured operation has.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statusCodes)
        {
            builder.Produces<Problem>(status, Problems.ContentType);
        }

        return builder;
    }
}
