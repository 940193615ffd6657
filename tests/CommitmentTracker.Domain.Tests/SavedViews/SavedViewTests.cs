using CommitmentTracker.Domain.SavedViews;

namespace CommitmentTracker.Domain.Tests.SavedViews;

/// <summary>A saved view of the grid (decision 0044): what it keeps, what it refuses, and when its time moves.</summary>
public class SavedViewTests
{
    private static readonly DateTimeOffset SavedAt = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public void A_new_view_keeps_its_owner_name_query_and_sharing_trimmed()
    {
        var view = SavedView.Create(" user-1 ", " alice ", "  Stalled hubs  ", "  status=Stalled&kind=Hub  ", shared: true, SavedAt);

        view.Owner.ShouldBe("user-1");
        view.OwnerName.ShouldBe("alice");
        view.Name.ShouldBe("Stalled hubs");
        view.Query.ShouldBe("status=Stalled&kind=Hub");
        view.Shared.ShouldBeTrue();
        view.CreatedAt.ShouldBe(SavedAt);
        view.UpdatedAt.ShouldBe(SavedAt);
    }

    [Fact]
    public void An_empty_query_is_the_whole_ledger()
    {
        var view = SavedView.Create("user-1", "alice", "Everything", null!, shared: false, SavedAt);

        view.Query.ShouldBe(string.Empty);
        view.Shared.ShouldBeFalse();
    }

    [Fact]
    public void A_change_moves_the_time_only_when_something_changed()
    {
        var view = SavedView.Create("user-1", "alice", "Stalled", "status=Stalled", shared: false, SavedAt);

        view.Change(" Stalled ", " status=Stalled ", shared: false, SavedAt.AddDays(1));
        view.UpdatedAt.ShouldBe(SavedAt, "the same name, query and sharing again is no change");

        view.Change("Stalled", "status=Stalled", shared: true, SavedAt.AddDays(2));
        view.Shared.ShouldBeTrue();
        view.UpdatedAt.ShouldBe(SavedAt.AddDays(2));

        view.Change("Stalled", "status=Stalled&sort=-due", shared: true, SavedAt.AddDays(3));
        view.Query.ShouldBe("status=Stalled&sort=-due");
        view.UpdatedAt.ShouldBe(SavedAt.AddDays(3));

        view.Change("Stalled, latest first", "status=Stalled&sort=-due", shared: true, SavedAt.AddDays(4));
        view.Name.ShouldBe("Stalled, latest first");
        view.UpdatedAt.ShouldBe(SavedAt.AddDays(4));
        view.CreatedAt.ShouldBe(SavedAt);
    }

    [Theory]
    [InlineData("", "alice", "Stalled", "Owner", "Owner is required.")]
    [InlineData("user-1", " ", "Stalled", "OwnerName", "OwnerName is required.")]
    [InlineData("user-1", "alice", " ", "Name", "Name is required.")]
    public void A_view_without_an_owner_or_a_name_is_refused(string owner, string ownerName, string name, string field, string message)
    {
        var refusal = Should.Throw<DomainRuleException>(() => SavedView.Create(owner, ownerName, name, "status=Stalled", shared: false, SavedAt));

        refusal.Field.ShouldBe(field);
        refusal.Message.ShouldBe(message);
    }

    [Fact]
    public void Texts_past_their_limits_are_refused_and_texts_at_them_kept()
    {
        SavedView.Create(new string('o', SavedView.MaxOwnerLength), new string('n', SavedView.MaxOwnerNameLength), new string('v', SavedView.MaxNameLength),
            new string('q', SavedView.MaxQueryLength), shared: false, SavedAt).Query.Length.ShouldBe(SavedView.MaxQueryLength);

        Should.Throw<DomainRuleException>(() => SavedView.Create(new string('o', SavedView.MaxOwnerLength + 1), "alice", "v", "", false, SavedAt)).Field.ShouldBe("Owner");
        Should.Throw<DomainRuleException>(() => SavedView.Create("user-1", new string('n', SavedView.MaxOwnerNameLength + 1), "v", "", false, SavedAt)).Field.ShouldBe("OwnerName");
        Should.Throw<DomainRuleException>(() => SavedView.Create("user-1", "alice", new string('v', SavedView.MaxNameLength + 1), "", false, SavedAt)).Field.ShouldBe("Name");
        var query = Should.Throw<DomainRuleException>(() => SavedView.Create("user-1", "alice", "v", new string('q', SavedView.MaxQueryLength + 1), false, SavedAt));
        query.Field.ShouldBe("Query");
        query.Message.ShouldBe("Query must be at most 2000 characters.");
    }

    [Fact]
    public void A_refused_change_leaves_the_view_as_it_was()
    {
        var view = SavedView.Create("user-1", "alice", "Stalled", "status=Stalled", shared: false, SavedAt);

        Should.Throw<DomainRuleException>(() => view.Change("Stalled", new string('q', SavedView.MaxQueryLength + 1), shared: true, SavedAt.AddDays(1)));

        (view.Name, view.Query, view.Shared, view.UpdatedAt).ShouldBe(("Stalled", "status=Stalled", false, SavedAt));
    }

    [Theory]
    [InlineData("user-1", true)]
    [InlineData("USER-1", false)]
    [InlineData("user-2", false)]
    public void Only_its_owner_by_the_exact_id_owns_it(string actor, bool owns) =>
        SavedView.Create("user-1", "alice", "Stalled", "", shared: true, SavedAt).IsOwnedBy(actor).ShouldBe(owns);
}
