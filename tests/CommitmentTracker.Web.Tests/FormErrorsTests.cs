using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain;
using CommitmentTracker.Web.Forms;
using FluentValidation;
using FluentValidation.Results;

namespace CommitmentTracker.Web.Tests;

public class FormErrorsTests
{
    [Fact]
    public async Task A_successful_submission_returns_true_and_leaves_no_errors()
    {
        var errors = new FormErrors();
        var ran = false;

        var ok = await errors.TryAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        ok.ShouldBeTrue();
        ran.ShouldBeTrue();
        errors.Any.ShouldBeFalse();
        errors.Summary.ShouldBeNull();
        errors.All.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Changes.Spans[0]", "Spans[0]")]
    [InlineData("Entry.Rationale", "Rationale")]
    [InlineData("Filter.DueBefore", "DueBefore")]
    [InlineData("Title", "Title")]
    [InlineData("Changes.Due.Phrase", "Due.Phrase")]
    public async Task Names_a_validation_failure_as_the_form_names_the_field(string property, string field)
    {
        var errors = new FormErrors();

        var ok = await errors.TryAsync(() => throw Invalid(new ValidationFailure(property, "Wrong.")));

        ok.ShouldBeFalse();
        errors.Has(field).ShouldBeTrue();
        errors.For(field).ShouldBe("Wrong.");
        errors.Summary.ShouldBeNull();
        errors.Any.ShouldBeTrue();
        if (property != field)
        {
            errors.Has(property).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task A_submission_stopped_because_the_page_was_left_says_nothing_was_saved()
    {
        var errors = new FormErrors();
        using var leaving = new CancellationTokenSource();
        await leaving.CancelAsync();

        var ok = await errors.TryAsync(() => Task.Delay(Timeout.Infinite, leaving.Token));

        ok.ShouldBeFalse();
        errors.Summary.ShouldBe("Stopped before it finished; nothing was saved.");
    }

    [Fact]
    public async Task Field_names_match_whatever_their_case()
    {
        var errors = new FormErrors();

        await errors.TryAsync(() => throw Invalid(new ValidationFailure("Entry.Rationale", "Needed.")));

        errors.Has("rationale").ShouldBeTrue();
        errors.For("RATIONALE").ShouldBe("Needed.");
    }

    [Fact]
    public async Task Joins_several_messages_for_one_field_once_each()
    {
        var errors = new FormErrors();

        await errors.TryAsync(() => throw Invalid(
            new ValidationFailure("Changes.Title", "Title is required."),
            new ValidationFailure("Title", "Title is required."),
            new ValidationFailure("Changes.Title", "Title is too long.")));

        errors.For("Title").ShouldBe("Title is required. Title is too long.");
        errors.All.ShouldBe(["Title is required.", "Title is too long."]);
    }

    [Fact]
    public async Task ForAll_collects_a_field_its_items_and_their_parts_but_not_look_alikes()
    {
        var errors = new FormErrors();

        await errors.TryAsync(() => throw Invalid(
            new ValidationFailure("Changes.Spans", "At most 20 spans."),
            new ValidationFailure("Changes.Spans[0]", "Span 0 is outside the text."),
            new ValidationFailure("Changes.Spans[0].Quote", "The quote does not match."),
            new ValidationFailure("Changes.SpansNote", "Unrelated."),
            new ValidationFailure("Changes.Title", "Also unrelated.")));

        errors.ForAll("Spans").ShouldBe("At most 20 spans. Span 0 is outside the text. The quote does not match.");
        errors.For("Spans").ShouldBe("At most 20 spans.");
        errors.For("Spans[0]").ShouldBe("Span 0 is outside the text.");
        errors.ForAll("Spans[0]").ShouldBe("Span 0 is outside the text. The quote does not match.");
        errors.ForAll("EvidenceLinks").ShouldBeNull();
        errors.For("EvidenceLinks").ShouldBeNull();
    }

    [Fact]
    public async Task ForAll_finds_only_the_parts_when_the_field_itself_is_fine()
    {
        var errors = new FormErrors();

        await errors.TryAsync(() => throw Invalid(new ValidationFailure("Entry.EvidenceLinks[2]", "Not a URL.")));

        errors.Has("EvidenceLinks").ShouldBeFalse();
        errors.ForAll("EvidenceLinks").ShouldBe("Not a URL.");
    }

    [Fact]
    public async Task A_broken_domain_rule_is_shown_on_its_field()
    {
        var errors = new FormErrors();

        var ok = await errors.TryAsync(() => throw new DomainRuleException("Status", "A commitment cannot move from Captured to Fulfilled."));

        ok.ShouldBeFalse();
        errors.For("Status").ShouldBe("A commitment cannot move from Captured to Fulfilled.");
        errors.Summary.ShouldBeNull();
    }

    public static TheoryData<Exception, string> WholeFormFailures => new()
    {
        { new ConcurrencyConflictException("Commitment C-1 was changed by someone else.", 4), "Commitment C-1 was changed by someone else." },
        { new NotFoundException("Commitment", "C-404"), "Commitment 'C-404' was not found." },
        { new PreconditionRequiredException("Send the version you edited (If-Match)."), "Send the version you edited (If-Match)." },
        { new DuplicateException("The code C-1 is already taken."), "The code C-1 is already taken." },
    };

    [Theory]
    [MemberData(nameof(WholeFormFailures))]
    public async Task Failures_of_the_whole_submission_become_the_summary(Exception failure, string summary)
    {
        var errors = new FormErrors();

        var ok = await errors.TryAsync(() => throw failure);

        ok.ShouldBeFalse();
        errors.Summary.ShouldBe(summary);
        errors.Any.ShouldBeTrue();
        errors.All.ShouldBe([summary]);
    }

    [Fact]
    public async Task Other_exceptions_are_not_swallowed()
    {
        var errors = new FormErrors();

        await Should.ThrowAsync<InvalidOperationException>(() => errors.TryAsync(() => throw new InvalidOperationException("bug")));
    }

    [Fact]
    public async Task A_new_submission_starts_clean()
    {
        var errors = new FormErrors();
        await errors.TryAsync(() => throw new ConcurrencyConflictException("changed"));
        await errors.TryAsync(() => throw Invalid(new ValidationFailure("Title", "Required.")));

        errors.Summary.ShouldBeNull();
        errors.For("Title").ShouldBe("Required.");

        var ok = await errors.TryAsync(() => Task.CompletedTask);

        ok.ShouldBeTrue();
        errors.Any.ShouldBeFalse();
        errors.Has("Title").ShouldBeFalse();
        errors.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task Clear_forgets_everything()
    {
        var errors = new FormErrors();
        await errors.TryAsync(() => throw Invalid(new ValidationFailure("Title", "Required.")));

        errors.Clear();

        errors.Any.ShouldBeFalse();
        errors.For("Title").ShouldBeNull();
    }

    [Fact]
    public async Task ForAll_matches_the_field_itself_whatever_its_case()
    {
        var errors = new FormErrors();

        await errors.TryAsync(() => throw Invalid(new ValidationFailure("Changes.Spans", "At most 20 spans.")));

        errors.ForAll("spans").ShouldBe("At most 20 spans.");
    }

    private static ValidationException Invalid(params ValidationFailure[] failures) => new("Validation failed.", failures);
}
