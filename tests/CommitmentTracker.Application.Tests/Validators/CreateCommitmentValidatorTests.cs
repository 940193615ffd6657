using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Validators;

public class CreateCommitmentValidatorTests
{
    private readonly CreateCommitmentValidator _validator = new();

    internal static readonly TargetInput ValidTarget = new(
        "Trade turnover",
        "USD",
        TargetDirection.Increase,
        1_200_000_000m,
        new DateOnly(2022, 12, 31),
        "Customs statistics",
        2_000_000_000m,
        [new ObservationInput(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 1_500_000_000m, "Rosstat")]);

    internal static readonly CreateCommitmentCommand Valid = new()
    {
        Meeting = "NSK-2023",
        Code = "NSK-2023-004",
        Title = "Open a trade house in Minsk",
        Summary = "A Novosibirsk trade house in Minsk.",
        Kind = CommitmentKind.Hub,
        Modality = Modality.Firm,
        Issuer = "BY",
        Due = "autumn 2024",
        Responsibilities = [new("BY", ResponsibilityRole.Lead), new("RU-NVS", ResponsibilityRole.Counterpart)],
        Tags = ["trade", "hub"],
        Spans = [new(null, 22, 40, "open a trade house")],
        Target = ValidTarget,
    };

    // Each invalid case: the command, the property the error must be reported on, and a part of its message.
    private static readonly Dictionary<string, (CreateCommitmentCommand Command, string Property, string Message)> InvalidCases = new()
    {
        ["empty title"] = (Valid with { Title = "" }, "Title", "'Title'"),
        ["blank title"] = (Valid with { Title = "   " }, "Title", "'Title'"),
        ["title too long"] = (Valid with { Title = new string('t', 201) }, "Title", "200"),
        ["summary too long"] = (Valid with { Summary = new string('s', 4001) }, "Summary", "4000"),
        ["unknown kind"] = (Valid with { Kind = (CommitmentKind)99 }, "Kind", "'Kind'"),
        ["unknown modality"] = (Valid with { Modality = (Modality)99 }, "Modality", "'Modality'"),
        ["no issuer"] = (Valid with { Issuer = "" }, "Issuer", "Choose the issuer: the party whose representative made the statement"),
        ["due phrase too long"] = (Valid with { Due = new string('d', 201) }, "Due", "200"),
        ["21 tags"] = (Valid with { Tags = [.. Enumerable.Range(0, 21).Select(i => $"tag{i}")] }, "Tags", "At most 20 tags."),
        ["empty tag"] = (Valid with { Tags = ["trade", ""] }, "Tags[1]", "'Tags'"),
        ["tag too long"] = (Valid with { Tags = [new string('x', 41)] }, "Tags[0]", "40"),
        ["two roles for one party"] = (Valid with { Responsibilities = [new("BY", ResponsibilityRole.Lead), new(" by ", ResponsibilityRole.Contributor)] }, "Responsibilities", "only one role"),
        ["two roles for one party among others"] = (
            Valid with { Responsibilities = [new("BY", ResponsibilityRole.Lead), new("RU-NVS", ResponsibilityRole.Counterpart), new(" by ", ResponsibilityRole.Contributor)] },
            "Responsibilities",
            "only one role"),
        ["a missing responsibility"] = (Valid with { Responsibilities = [new("BY", ResponsibilityRole.Lead), null!] }, "Responsibilities[1]", "'Responsibilities'"),
        ["owner too long"] = (Valid with { Owner = new string('o', 257) }, "Owner", "256"),
        ["responsibility without party"] = (Valid with { Responsibilities = [new("BY", ResponsibilityRole.Lead), new("", ResponsibilityRole.Counterpart)] }, "Responsibilities[1].Party", "'Party'"),
        ["unknown role"] = (Valid with { Responsibilities = [new("BY", (ResponsibilityRole)9)] }, "Responsibilities[0].Role", "'Role'"),
        ["no spans"] = (Valid with { Spans = null }, "Spans", "at least one source span"),
        ["empty spans"] = (Valid with { Spans = [] }, "Spans", "at least one source span"),
        ["negative start"] = (Valid with { Spans = [new(null, -1, 10, null)] }, "Spans[0].Start", "'Start'"),
        ["a start without an end or a quote"] = (Valid with { Spans = [new(null, 10, null, null)] }, "Spans[0].Quote", "Give the quote, or its start and end offsets in the document."),
        ["an end without a start or a quote"] = (Valid with { Spans = [new(null, null, 10, "")] }, "Spans[0].Quote", "Give the quote, or its start and end offsets in the document."),
        ["a missing span"] = (Valid with { Spans = [new(null, 0, 5, null), null!] }, "Spans[1]", "'Spans'"),
        ["end equal to start"] = (Valid with { Spans = [new(null, 10, 10, null)] }, "Spans[0].End", "'End' must be greater than 'Start'."),
        ["end before start in second span"] = (Valid with { Spans = [new(null, 0, 5, null), new(null, 10, 3, null)] }, "Spans[1].End", "'End' must be greater than 'Start'."),
        ["target without metric"] = (Valid with { Target = ValidTarget with { Metric = "" } }, "Target.Metric", "'Metric'"),
        ["target without unit"] = (Valid with { Target = ValidTarget with { Unit = "" } }, "Target.Unit", "'Unit'"),
        ["target unit too long"] = (Valid with { Target = ValidTarget with { Unit = new string('U', 21) } }, "Target.Unit", "20"),
        ["target unknown direction"] = (Valid with { Target = ValidTarget with { Direction = (TargetDirection)9 } }, "Target.Direction", "'Direction'"),
        ["baseline value without date"] = (Valid with { Target = ValidTarget with { BaselineDate = null } }, "Target.BaselineDate", "A baseline value needs the date it refers to."),
        ["baseline date without value"] = (Valid with { Target = ValidTarget with { BaselineValue = null } }, "Target.BaselineValue", "A baseline date needs a value."),
        ["a missing observation"] = (Valid with { Target = ValidTarget with { Observations = [null!] } }, "Target.Observations[0]", "'Observations'"),
        ["observation ends before it starts"] = (
            Valid with { Target = ValidTarget with { Observations = [new(new DateOnly(2024, 12, 31), new DateOnly(2024, 1, 1), 1m, null)] } },
            "Target.Observations[0].PeriodEnd",
            "'Period End' cannot be before 'Period Start'."),
        ["no meeting"] = (Valid with { Meeting = "" }, "Meeting", "id or code of the meeting"),
        ["code with spaces"] = (Valid with { Code = "NSK 2023 004" }, "Code", "only letters, digits and hyphens, e.g. NSK-2023-004."),
        ["code starting with a hyphen"] = (Valid with { Code = "-NSK-2023" }, "Code", "only letters, digits and hyphens"),
        ["code with SQL"] = (Valid with { Code = "NSK-2023-004; DROP TABLE" }, "Code", "only letters, digits and hyphens"),
        ["code too long"] = (Valid with { Code = new string('A', 41) }, "Code", "40"),
    };

    public static TheoryData<string> InvalidCaseNames => new(InvalidCases.Keys);

    [Fact]
    public void A_complete_command_is_valid() => _validator.Validate(Valid).ShouldBeValid();

    [Fact]
    public void A_command_that_leaves_out_the_meeting_the_title_and_the_issuer_is_refused_on_each()
    {
        // A JSON body without these fields: each takes its default, which must be one the rules refuse.
        var result = _validator.Validate(new CreateCommitmentCommand { Spans = [new(Guid.NewGuid(), 0, 1, null)] });

        result.ShouldHaveErrorOn("Meeting", "'Meeting' must give the id or code of the meeting");
        result.ShouldHaveErrorOn("Title", "'Title'");
        result.ShouldHaveErrorOn("Issuer", "Choose the issuer");
    }

    [Fact]
    public void A_minimal_command_is_valid()
    {
        var minimal = new CreateCommitmentCommand
        {
            Meeting = "NSK-2023",
            Title = "Open a trade house",
            Issuer = "BY",
            Spans = [new(Guid.NewGuid(), 0, 1, null)],
        };

        _validator.Validate(minimal).ShouldBeValid();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nsk-2023-004")]
    [InlineData("A")]
    public void The_code_is_optional_and_may_be_lower_case(string? code) =>
        _validator.Validate(Valid with { Code = code }).ShouldBeValid();

    [Fact]
    public void A_quote_with_only_one_of_its_offsets_is_valid() =>
        _validator.Validate(Valid with { Spans = [new(null, 22, null, "open a trade house"), new(null, null, 40, "open a trade house")] }).ShouldBeValid();

    [Fact]
    public void A_target_without_a_baseline_is_valid() =>
        _validator.Validate(Valid with { Target = ValidTarget with { BaselineValue = null, BaselineDate = null, Observations = null } }).ShouldBeValid();

    [Fact]
    public void An_observation_of_a_single_day_is_valid() =>
        _validator.Validate(Valid with { Target = ValidTarget with { Observations = [new(new DateOnly(2024, 6, 30), new DateOnly(2024, 6, 30), 1m, null)] } }).ShouldBeValid();

    [Fact]
    public void Twenty_tags_of_forty_characters_are_valid() =>
        _validator.Validate(Valid with { Tags = [.. Enumerable.Range(10, 20).Select(i => $"{i}{new string('x', 38)}")] }).ShouldBeValid();

    [Theory]
    [MemberData(nameof(InvalidCaseNames))]
    public void Each_rule_reports_its_property(string caseName)
    {
        var (command, property, message) = InvalidCases[caseName];

        _validator.Validate(command).ShouldHaveErrorOn(property, message);
    }
}
