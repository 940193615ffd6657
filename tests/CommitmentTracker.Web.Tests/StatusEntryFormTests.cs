using System.Security.Claims;
using AngleSharp.Dom;
using Bunit.Rendering;
using Bunit.TestDoubles;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Web.Components.Shared;
using CommitmentTracker.Web.Services;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace CommitmentTracker.Web.Tests;

public class StatusEntryFormTests : MudTestContext
{
    private const string Code = "KRD-2023-001";
    private const string RationaleHint = "Required for Stalled, Partially fulfilled, Not fulfilled, Superseded and Withdrawn.";

    private readonly FakeSender _sender = new();
    private readonly List<StatusEntryDto> _appended = [];
    private int _scopes;

    public StatusEntryFormTests()
    {
        // The real ScopedSender, over the container's own scope factory; each scope gets the fake sender.
        _authorization = UseScopedSender(_sender, () => _scopes++);
        _authorization.SetAuthorized("manager").SetRoles(Roles.Manager);
    }

    private readonly BunitAuthorizationContext _authorization;

    [Fact]
    public void Shows_an_analyst_that_closing_and_dropping_are_a_managers_decision()
    {
        _authorization.SetAuthorized("analyst").SetRoles(Roles.Analyst);
        var cut = RenderForm(LifecycleStatus.InProgress);

        OpenSelect(cut, "Status");
        var disabled = cut.FindAll(".mud-popover-open [role=option][aria-disabled=true]").Select(o => o.TextContent.Trim()).ToList();
        disabled.ShouldBe(
            ["Fulfilled — a manager's decision", "Partially fulfilled — a manager's decision", "Not fulfilled — a manager's decision", "Superseded — a manager's decision", "Withdrawn — a manager's decision"],
            ignoreOrder: true);
        cut.FindComponent<MudSelect<LifecycleStatus>>().Instance.GetState(x => x.Value).ShouldBe(LifecycleStatus.Stalled);
    }

    [Fact]
    public async Task Sends_as_the_signed_in_user()
    {
        _sender.Returns(new StatusEntryDto { Sequence = 2 });
        var cut = RenderForm(LifecycleStatus.Captured);

        await cut.Find("form").SubmitAsync();

        Actors.Last.ShouldNotBeNull().Identity!.Name.ShouldBe("manager");
    }

    [Fact]
    public void Offers_the_next_lifecycle_step_by_default_and_the_current_status_only_as_an_assessment()
    {
        var cut = RenderForm(LifecycleStatus.Captured);

        cut.FindComponent<MudSelect<LifecycleStatus>>().Instance.GetState(x => x.Value).ShouldBe(LifecycleStatus.Confirmed);
        cut.Find("[role=combobox][aria-label=Status]").TextContent.ShouldBe("Confirmed");

        OpenSelect(cut, "Status");
        var options = cut.FindAll(".mud-popover-open [role=option]").Select(o => o.TextContent.Trim()).ToList();
        // Every move people make from Captured, Stalled and every outcome included (ADR 0024); the next step comes first.
        options.Where(o => !o.EndsWith("(assessment only)", StringComparison.Ordinal))
            .ShouldBe(["Confirmed", "In progress", "Stalled", "Fulfilled", "Partially fulfilled", "Not fulfilled", "Superseded", "Withdrawn"]);
        options.ShouldContain("Captured (assessment only)");
        cut.Find("[role=option][aria-selected=true]").TextContent.Trim().ShouldBe("Confirmed");
    }

    [Theory]
    [InlineData(LifecycleStatus.Confirmed, LifecycleStatus.InProgress)]
    [InlineData(LifecycleStatus.InProgress, LifecycleStatus.Stalled)]
    [InlineData(LifecycleStatus.Stalled, LifecycleStatus.InProgress)]
    [InlineData(LifecycleStatus.Fulfilled, LifecycleStatus.Fulfilled)]
    public void Defaults_to_the_first_allowed_move(LifecycleStatus current, LifecycleStatus expected)
    {
        var cut = RenderForm(current);

        cut.FindComponent<MudSelect<LifecycleStatus>>().Instance.GetState(x => x.Value).ShouldBe(expected);
        OpenSelect(cut, "Status");
        cut.FindAll(".mud-popover-open [role=option]").Count.ShouldBe(Lifecycle.NextFrom(current).Count + 1);
    }

    [Fact]
    public void Humanises_the_statuses_it_offers()
    {
        var cut = RenderForm(LifecycleStatus.InProgress);

        OpenSelect(cut, "Status");
        cut.FindAll(".mud-popover-open [role=option]").Select(o => o.TextContent.Trim()).ShouldBe(
            ["In progress (assessment only)", "Stalled", "Fulfilled", "Partially fulfilled", "Not fulfilled", "Superseded", "Withdrawn"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Sends_the_entry_as_entered_with_the_code_and_version()
    {
        _sender.Returns(new StatusEntryDto { Sequence = 4 });
        var cut = RenderForm(LifecycleStatus.Confirmed, version: 7);

        Choose(cut, "Status", "Withdrawn");
        Choose(cut, "Compliance score", "−1 none");
        Choose(cut, "Delivery confidence", "Red");
        Rationale(cut).Change("Merged into the regional programme “Clean Air”.");
        EvidenceLinks(cut).Change("https://example.org/a\r\n\r\n  https://example.org/b  \n");
        await cut.Find("form").SubmitAsync();

        var command = _sender.Sent.ShouldHaveSingleItem().ShouldBeOfType<AppendStatusEntryCommand>();
        command.IdOrCode.ShouldBe(Code);
        command.ExpectedVersion.ShouldBe(7);
        command.Entry.Status.ShouldBe(LifecycleStatus.Withdrawn);
        command.Entry.ComplianceScore.ShouldBe(-1);
        command.Entry.Confidence.ShouldBe(Confidence.Red);
        command.Entry.Rationale.ShouldBe("Merged into the regional programme “Clean Air”.");
        command.Entry.EvidenceLinks.ShouldBe(["https://example.org/a", "https://example.org/b"]);
        _scopes.ShouldBe(1);
    }

    [Fact]
    public async Task Sends_an_untouched_form_as_the_default_move_with_nothing_else()
    {
        _sender.Returns(new StatusEntryDto { Sequence = 2 });
        var cut = RenderForm(LifecycleStatus.Captured);

        await cut.Find("form").SubmitAsync();

        var command = _sender.Sent.ShouldHaveSingleItem().ShouldBeOfType<AppendStatusEntryCommand>();
        command.ExpectedVersion.ShouldBeNull();
        command.Entry.Status.ShouldBe(LifecycleStatus.Confirmed);
        command.Entry.ComplianceScore.ShouldBeNull();
        command.Entry.Confidence.ShouldBeNull();
        command.Entry.Rationale.ShouldBeNull();
        command.Entry.EvidenceLinks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Shows_a_validation_message_next_to_the_rationale_and_does_not_report_an_append()
    {
        const string message = "A rationale is required when recording Withdrawn.";
        _sender.Throws(new ValidationException(message, [new ValidationFailure("Entry.Rationale", message)]));
        var cut = RenderForm(LifecycleStatus.Confirmed);

        Choose(cut, "Status", "Withdrawn");
        await cut.Find("form").SubmitAsync();

        HelperText(Rationale(cut)).ShouldBe(message);
        Rationale(cut).GetAttribute("aria-invalid").ShouldBe("true");
        cut.Markup.Split(message).Length.ShouldBe(2, "the message is shown once, by the rationale field");
        cut.FindAll(".mud-alert").ShouldBeEmpty();
        _appended.ShouldBeEmpty();
        cut.Find("button[type=submit]").TextContent.Trim().ShouldBe("Record status");
        cut.Find("button[type=submit]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Shows_a_broken_lifecycle_rule_on_the_status_and_bad_links_on_the_links()
    {
        _sender.Throws(new ValidationException("invalid",
        [
            new ValidationFailure("Entry.EvidenceLinks[1]", "Each evidence link must be an absolute http(s) URL."),
            new ValidationFailure("Entry.ComplianceScore", "'Compliance Score' must be -1 (no compliance), 0 (partial) or 1 (full)."),
        ]));
        var cut = RenderForm(LifecycleStatus.Confirmed);
        EvidenceLinks(cut).Change("https://example.org/a\nnot a link");

        await cut.Find("form").SubmitAsync();

        HelperText(EvidenceLinks(cut)).ShouldBe("Each evidence link must be an absolute http(s) URL.");
        HelperText(cut, "Compliance score").ShouldBe("'Compliance Score' must be -1 (no compliance), 0 (partial) or 1 (full).");

        _sender.Throws(new DomainRuleException("Status", "A commitment cannot move from Confirmed to Fulfilled."));
        await cut.Find("form").SubmitAsync();

        HelperText(cut, "Status").ShouldBe("A commitment cannot move from Confirmed to Fulfilled.");
        HelperText(cut, "Evidence links (one URL per line)").ShouldBeEmpty();
        HelperText(cut, "Compliance score").ShouldBeEmpty();
        _appended.ShouldBeEmpty();
    }

    [Fact]
    public async Task Shows_a_concurrency_conflict_as_an_alert()
    {
        const string message = "Commitment KRD-2023-001 was changed by someone else; reload it and try again.";
        _sender.Throws(new ConcurrencyConflictException(message, currentVersion: 8));
        var cut = RenderForm(LifecycleStatus.InProgress, version: 7);
        Rationale(cut).Change("Keep this text");

        await cut.Find("form").SubmitAsync();

        var alert = cut.Find(".mud-alert");
        alert.TextContent.Trim().ShouldBe(message);
        alert.GetAttribute("role").ShouldBe("alert");
        Rationale(cut).GetAttribute("value").ShouldBe("Keep this text");
        _appended.ShouldBeEmpty();
    }

    [Fact]
    public async Task Shows_a_missing_commitment_as_an_alert()
    {
        _sender.Throws(new NotFoundException("Commitment", Code));
        var cut = RenderForm(LifecycleStatus.InProgress);

        await cut.Find("form").SubmitAsync();

        cut.Find(".mud-alert").TextContent.Trim().ShouldBe($"Commitment '{Code}' was not found.");
    }

    [Fact]
    public async Task Reports_the_appended_entry_and_clears_what_was_typed()
    {
        var dto = new StatusEntryDto { Sequence = 5, Status = LifecycleStatus.Stalled, Author = "ana", Rationale = "Waiting for the tender." };
        _sender.Throws(new ConcurrencyConflictException("changed by someone else"));
        var cut = RenderForm(LifecycleStatus.InProgress, version: 3);
        Rationale(cut).Change("Waiting for the tender.");
        EvidenceLinks(cut).Change("https://example.org/tender");
        Choose(cut, "Compliance score", "0 partial");
        await cut.Find("form").SubmitAsync();
        cut.FindAll(".mud-alert").Count.ShouldBe(1);

        _sender.Returns(dto);
        await cut.Find("form").SubmitAsync();

        _appended.ShouldHaveSingleItem().ShouldBeSameAs(dto);
        Rationale(cut).GetAttribute("value").ShouldBeNullOrEmpty();
        EvidenceLinks(cut).GetAttribute("value").ShouldBeNullOrEmpty();
        cut.FindComponent<MudSelect<int?>>().Instance.GetState(x => x.Value).ShouldBeNull();
        cut.FindAll(".mud-alert").ShouldBeEmpty();
        HelperText(Rationale(cut)).ShouldBe(RationaleHint);
        _scopes.ShouldBe(2);
    }

    [Fact]
    public async Task Shows_saving_while_the_entry_is_on_its_way()
    {
        var pending = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _sender.Handler = _ => pending.Task;
        var cut = RenderForm(LifecycleStatus.Captured);

        var submitting = cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => cut.Find("button[type=submit]").TextContent.Trim().ShouldBe("Saving…"));
        cut.Find("button[type=submit]").HasAttribute("disabled").ShouldBeTrue();

        pending.SetResult(new StatusEntryDto { Sequence = 2 });
        await submitting;
        cut.WaitForAssertion(() => cut.Find("button[type=submit]").TextContent.Trim().ShouldBe("Record status"));
        _appended.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Shows_errors_that_belong_to_no_field_of_the_form()
    {
        const string message = "A status entry cannot be dated before the latest entry in the log.";
        _sender.Throws(new DomainRuleException("At", message));
        var cut = RenderForm(LifecycleStatus.InProgress);

        await cut.Find("form").SubmitAsync();

        cut.Markup.ShouldContain(message);
    }

    private IRenderedComponent<ContainerFragment> RenderForm(LifecycleStatus current, long? version = null) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<StatusEntryForm>(1);
        builder.AddComponentParameter(2, nameof(StatusEntryForm.Code), Code);
        builder.AddComponentParameter(3, nameof(StatusEntryForm.Current), current);
        builder.AddComponentParameter(4, nameof(StatusEntryForm.Version), version);
        builder.AddComponentParameter(5, nameof(StatusEntryForm.Appended), EventCallback.Factory.Create<StatusEntryDto>(this, _appended.Add));
        builder.CloseComponent();
    });

    private static void OpenSelect(IRenderedComponent<ContainerFragment> cut, string label)
    {
        var select = cut.FindAll("div.mud-select[id]").Single(s => s.QuerySelector("label")?.TextContent == label);
        select.QuerySelector(".mud-input-control")!.MouseDown();

        // MudSelect opens its list asynchronously: wait for the open list, not for time.
        cut.WaitForAssertion(() => cut.FindAll(".mud-popover-open [role=option]").ShouldNotBeEmpty());
    }

    private static void Choose(IRenderedComponent<ContainerFragment> cut, string label, string option)
    {
        OpenSelect(cut, label);

        // The previous select's list closes asynchronously too: wait until the option is there once.
        IElement? choice = null;
        cut.WaitForAssertion(() => choice = cut.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == option));
        choice!.Click();
    }

    private static IElement Rationale(IRenderedComponent<ContainerFragment> cut) => TextArea(cut, "Rationale");

    private static IElement EvidenceLinks(IRenderedComponent<ContainerFragment> cut) => TextArea(cut, "Evidence links (one URL per line)");

    private static IElement TextArea(IRenderedComponent<ContainerFragment> cut, string label)
    {
        var id = cut.FindAll("label").Single(l => l.TextContent == label).GetAttribute("for");
        return cut.Find($"textarea#{id}");
    }

    /// <summary>The helper line under a field: its hint, or its error message when it has one.</summary>
    private static string HelperText(IElement field) =>
        field.Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? string.Empty;

    private static string HelperText(IRenderedComponent<ContainerFragment> cut, string label) =>
        cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent == label)
            .QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? string.Empty;
}
