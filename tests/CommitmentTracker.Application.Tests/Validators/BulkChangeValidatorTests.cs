using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.BulkChangeCommitments;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Validators;

/// <summary>What a bulk change must say before any row is read: the selection, and what each action needs.</summary>
public sealed class BulkChangeValidatorTests
{
    private readonly BulkChangeCommitmentsValidator _validator = new();

    private IReadOnlyList<(string Property, string Message)> ErrorsOf(BulkChangeCommitmentsCommand command) =>
        [.. _validator.Validate(command).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];

    [Fact]
    public void Each_action_with_what_it_needs_is_valid()
    {
        ErrorsOf(new(["NSK-2023-001"], BulkAction.RecordStatus, new StatusEntryDraft { Status = LifecycleStatus.InProgress })).ShouldBeEmpty();
        ErrorsOf(new(["NSK-2023-001"], BulkAction.AssignOwner)).ShouldBeEmpty();
        ErrorsOf(new(["NSK-2023-001"], BulkAction.AssignOwner, Owner: new string('o', 256))).ShouldBeEmpty();
        ErrorsOf(new(["NSK-2023-001"], BulkAction.AddTag, Tag: new string('t', 40))).ShouldBeEmpty();
        ErrorsOf(new([.. Enumerable.Range(1, 500).Select(i => $"NSK-2023-{i:000}")], BulkAction.AddTag, Tag: "finance")).ShouldBeEmpty();
        ErrorsOf(new([new string('C', 40)], BulkAction.AddTag, Tag: "finance")).ShouldBeEmpty();
    }

    [Fact]
    public void The_selection_must_hold_one_to_five_hundred_codes()
    {
        ErrorsOf(new([], BulkAction.AddTag, Tag: "finance")).ShouldBe([("Codes", "Select at least one commitment.")]);
        ErrorsOf(new([.. Enumerable.Range(1, 501).Select(i => $"NSK-2023-{i:000}")], BulkAction.AddTag, Tag: "finance"))
            .ShouldBe([("Codes", "At most 500 commitments in one action; 501 were selected.")]);
    }

    [Fact]
    public void A_blank_or_too_long_code_is_named_by_its_place()
    {
        ErrorsOf(new(["NSK-2023-001", " ", new string('C', 41)], BulkAction.AddTag, Tag: "finance")).ShouldBe([
            ("Codes[1]", "'Codes' must not be empty."),
            ("Codes[2]", "The length of 'Codes' must be 40 characters or fewer. You entered 41 characters."),
        ]);
    }

    [Fact]
    public void Recording_a_status_needs_a_valid_entry_and_only_that_action_does()
    {
        ErrorsOf(new(["NSK-2023-001"], BulkAction.RecordStatus)).ShouldBe([("Entry", "Say which status to record.")]);
        ErrorsOf(new(["NSK-2023-001"], BulkAction.RecordStatus, new StatusEntryDraft { Status = LifecycleStatus.Stalled }))
            .ShouldBe([("Entry.Rationale", "A rationale is required when recording Stalled.")]);
        ErrorsOf(new(["NSK-2023-001"], BulkAction.AddTag, Tag: "finance")).ShouldBeEmpty();
    }

    [Fact]
    public void Adding_a_tag_needs_the_tag_and_only_that_action_does()
    {
        ErrorsOf(new(["NSK-2023-001"], BulkAction.AddTag)).ShouldBe([("Tag", "Give the tag to add.")]);
        ErrorsOf(new(["NSK-2023-001"], BulkAction.AddTag, Tag: " ")).ShouldBe([("Tag", "Give the tag to add.")]);
        ErrorsOf(new(["NSK-2023-001"], BulkAction.AddTag, Tag: new string('t', 41)))
            .ShouldBe([("Tag", "The length of 'Tag' must be 40 characters or fewer. You entered 41 characters.")]);
        ErrorsOf(new(["NSK-2023-001"], BulkAction.AssignOwner, Owner: "olga")).ShouldBeEmpty();
    }

    [Fact]
    public void An_owner_name_longer_than_an_account_can_have_and_an_unknown_action_are_refused()
    {
        ErrorsOf(new(["NSK-2023-001"], BulkAction.AssignOwner, Owner: new string('o', 257)))
            .ShouldBe([("Owner", "The length of 'Owner' must be 256 characters or fewer. You entered 257 characters.")]);
        ErrorsOf(new(["NSK-2023-001"], (BulkAction)9)).ShouldBe([("Action", "'Action' has a range of values which does not include '9'.")]);
    }
}
