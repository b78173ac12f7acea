namespace Datawijs.Api.Audit;

/// <summary>What was done, as recorded in the access log (codes; the citizen sees them in words).</summary>
public static class AuditActions
{
    public const string AssignmentCreate = "assignment.create";
    public const string AssignmentRead = "assignment.read";
    public const string DecisionCreate = "decision.create";
    public const string ExplanationRead = "explanation.read";
    public const string AccessLogRead = "accessLog.read";
    public const string DataProcessingRead = "dataProcessing.read";
    public const string ObjectionCreate = "objection.create";
    public const string ObjectionRead = "objection.read";
    public const string ObjectionReview = "objection.review";
}
