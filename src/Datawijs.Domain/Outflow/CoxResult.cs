namespace Datawijs.Domain.Outflow;

/// <summary>
/// A proportional-hazards fit: one <see cref="CoxTerm"/> per indicator or numeric column, the notes that
/// explain what was left out or may not be trusted, and how the fit went. Never thrown: a fit that did not
/// converge says so in <see cref="Converged"/> and a note.
/// </summary>
public sealed record CoxResult(
    IReadOnlyList<CoxTerm> Terms,
    IReadOnlyList<CoxNote> Notes,
    bool Converged,
    int Iterations,
    int RowsUsed,
    int Events,
    double LogLikelihood,
    double NullLogLikelihood);
