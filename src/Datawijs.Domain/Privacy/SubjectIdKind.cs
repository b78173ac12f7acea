namespace Datawijs.Domain.Privacy;

/// <summary>What kind of identifier a dataset's subjects carry.</summary>
public enum SubjectIdKind
{
    /// <summary>A Dutch citizen service number (BSN).</summary>
    Bsn,

    /// <summary>Any other identifier (a client number of the organisation): trimmed and case-folded.</summary>
    Other,
}
