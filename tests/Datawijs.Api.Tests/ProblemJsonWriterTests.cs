using System.Text;
using Datawijs.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Datawijs.Api.Tests;

public sealed class ProblemJsonWriterTests
{
    private static readonly ProblemJsonWriter Writer = new(Options.Create(new ProblemDetailsOptions { CustomizeProblemDetails = ProblemDefaults.Complete }));

    [Fact]
    public async Task A_bodiless_framework_error_gets_the_code_and_detail_of_its_status_in_the_contract_shape()
    {
        var context = Context("/api/v1/nothing-here", accept: "text/csv");
        context.Response.StatusCode = 404;
        var problem = new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = 404 } };

        Assert.True(Writer.CanWrite(problem));
        await Writer.WriteAsync(problem);

        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal(
            """{"type":"urn:datawijs:problem:not-found","title":"Not found","status":404,"detail":"No resource at this path, or it belongs to another tenant.","instance":"/api/v1/nothing-here","code":"not-found"}""",
            Body(context));
    }

    [Fact]
    public async Task A_problem_keeps_a_null_detail_and_gets_no_trace_id()
    {
        var context = Context("/x");
        var details = new ProblemDetails { Status = 409, Extensions = { [Problems.CodeKey] = "scan-completed" } };

        await Writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });

        Assert.Equal(
            """{"type":"urn:datawijs:problem:scan-completed","title":"Scan already completed","status":409,"detail":null,"instance":"/x","code":"scan-completed"}""",
            Body(context));
    }

    [Fact]
    public async Task Invalid_params_and_accepted_media_types_are_written_when_given()
    {
        var context = Context("/y");
        var details = new ProblemDetails
        {
            Status = 415,
            Detail = "d",
            Extensions =
            {
                [Problems.CodeKey] = "unsupported-media-type",
                [Problems.InvalidParamsKey] = new List<InvalidParam> { new("name", "required", "r") },
                [Problems.AcceptedMediaTypesKey] = new List<string> { "application/json" },
            },
        };

        await Writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });

        Assert.EndsWith(
            "\"code\":\"unsupported-media-type\",\"invalidParams\":[{\"name\":\"name\",\"code\":\"required\",\"reason\":\"r\"}],\"acceptedMediaTypes\":[\"application/json\"]}",
            Body(context), StringComparison.Ordinal);
    }

    private static DefaultHttpContext Context(string path, string? accept = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string Body(HttpContext context) => Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}
