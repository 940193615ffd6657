using CommitmentTracker.Application.Commitments.Commands.UpdateCommitment;
using CommitmentTracker.Application.Commitments.Common;

namespace CommitmentTracker.Application.Tests.Validators;

public class UpdateCommitmentValidatorTests
{
    private readonly UpdateCommitmentValidator _validator = new();

    private static readonly CommitmentDraft ValidChanges = new()
    {
        Title = "Open a trade house in Minsk",
        Issuer = "BY",
        Due = "spring 2025",
        Spans = [new(null, 22, 40, "open a trade house")],
        Target = CreateCommitmentValidatorTests.ValidTarget,
    };

    [Fact]
    public void A_complete_update_is_valid() =>
        _validator.Validate(new UpdateCommitmentCommand("NSK-2023-004", 3, ValidChanges)).ShouldBeValid();

    [Fact]
    public void The_changes_are_required() =>
        _validator.Validate(new UpdateCommitmentCommand("NSK-2023-004", 3, null!)).ShouldHaveErrorOn("Changes", "'Changes'");

    [Fact]
    public void A_missing_title_is_reported_on_the_changes() =>
        _validator.Validate(new UpdateCommitmentCommand("NSK-2023-004", 3, ValidChanges with { Title = "" })).ShouldHaveErrorOn("Changes.Title", "'Title'");

    [Fact]
    public void A_missing_issuer_is_reported_on_the_changes() =>
        _validator.Validate(new UpdateCommitmentCommand("NSK-2023-004", 3, ValidChanges with { Issuer = " " })).ShouldHaveErrorOn("Changes.Issuer", "Choose the issuer");

    [Fact]
    public void Removing_every_span_is_refused() =>
        _validator.Validate(new UpdateCommitmentCommand("NSK-2023-004", 3, ValidChanges with { Spans = [] })).ShouldHaveErrorOn("Changes.Spans", "at least one source span");

    [Fact]
    public void A_span_ending_before_it_starts_is_reported_by_index() =>
        _validator.Validate(new UpdateCommitmentCommand("NSK-2023-004", 3, ValidChanges with { Spans = [new(null, 22, 40, null), new(null, 40, 22, null)] }))
            .ShouldHaveErrorOn("Changes.Spans[1].End", "'End' must be greater than 'Start'.");

    [Fact]
    public void A_baseline_value_without_a_date_is_reported_on_the_target() =>
        _validator.Validate(new UpdateCommitmentCommand("NSK-2023-004", 3, ValidChanges with { Target = CreateCommitmentValidatorTests.ValidTarget with { BaselineDate = null } }))
            .ShouldHaveErrorOn("Changes.Target.BaselineDate", "needs the date");

    [Fact]
    public void Two_roles_for_one_party_are_refused() =>
        _validator.Validate(new UpdateCommitmentCommand("NSK-2023-004", 3, ValidChanges with { Responsibilities = [new("BY", Domain.Commitments.ResponsibilityRole.Lead), new("by", Domain.Commitments.ResponsibilityRole.CoLead)] }))
            .ShouldHaveErrorOn("Changes.Responsibilities", "only one role");
}
