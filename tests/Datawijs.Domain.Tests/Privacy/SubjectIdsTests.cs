using Datawijs.Domain.Privacy;

namespace Datawijs.Domain.Tests.Privacy;

public sealed class SubjectIdsTests
{
    [Theory]
    [InlineData("012345672")]
    [InlineData("12345672")]
    [InlineData("0123 45672")]
    [InlineData(" 0123.456.72 ")]
    [InlineData("0123-45-672")]
    [InlineData("0123-45672")]
    [InlineData("12.345.672")]
    public void Every_way_of_writing_one_bsn_gives_the_same_canonical_id(string written)
    {
        Assert.Equal("012345672", SubjectIds.Canonical(written, SubjectIdKind.Bsn, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("012345673", "eleven-test")]
    [InlineData("000000000", "eleven-test")]
    [InlineData("1234567890", "nine digits")]
    [InlineData("12345672a", "digits only")]
    [InlineData("BSN 012345672", "digits only")]
    [InlineData("   ", "required")]
    public void A_bsn_that_is_not_one_is_refused_with_the_reason(string written, string reason)
    {
        Assert.Null(SubjectIds.Canonical(written, SubjectIdKind.Bsn, out var problem));
        Assert.Contains(reason, problem!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-12345672")]
    [InlineData("12345672-")]
    [InlineData(".12345672")]
    [InlineData("12345672.")]
    [InlineData("012345672.")]
    [InlineData("- 12345672")]
    [InlineData("-")]
    [InlineData(". -")]
    public void A_separator_before_the_first_or_after_the_last_digit_is_refused(string written)
    {
        Assert.Null(SubjectIds.Canonical(written, SubjectIdKind.Bsn, out var problem));
        Assert.Contains("between digits", problem!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_canonical_bsn_is_unchanged_so_stored_pseudonyms_keep_working()
    {
        var pseudonymiser = new KeyRing(new byte[32]).PseudonymiserFor(Guid.Empty);

        Assert.Equal(pseudonymiser.Pseudonymise("999990019"), pseudonymiser.Pseudonymise(SubjectIds.Canonical("999990019", SubjectIdKind.Bsn, out _)!));
    }

    [Fact]
    public void Another_identifier_is_trimmed_and_case_folded()
    {
        Assert.Equal("klant-00a7", SubjectIds.Canonical("  Klant-00A7 ", SubjectIdKind.Other, out _));
        Assert.Equal("12345672", SubjectIds.Canonical("12345672", SubjectIdKind.Other, out _));
    }

    [Fact]
    public void An_identifier_longer_than_the_limit_is_refused()
    {
        Assert.Null(SubjectIds.Canonical(new string('a', SubjectIds.MaxLength + 1), SubjectIdKind.Other, out var problem));
        Assert.NotNull(problem);
    }
}
