using CommitmentTracker.Domain.Meetings;

namespace CommitmentTracker.Domain.Tests.Meetings;

public class SourceDocumentTests
{
    private static readonly Guid MeetingId = Guid.NewGuid();
    private static readonly DateTimeOffset RetrievedAt = new(2023, 10, 11, 9, 0, 0, TimeSpan.Zero);

    // Expected values computed independently with: printf %s '<text>' | sha256sum
    [Theory]
    [InlineData("The parties agreed to open a trade house in Minsk by autumn 2024.", "f86791bc75bbb261518450ac8ab2cbbd98cf1bf5d181c556316b1e7f4d1e62ae")]
    [InlineData("Стороны договорились открыть торговый дом.", "0c19d4b3b04850475a41280843730b399f36223a0adc7a08e528cf26a1d5dd27")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Sha256_is_the_lower_case_hex_digest_of_the_utf8_text(string text, string expected)
    {
        var document = new SourceDocument(MeetingId, "Transcript", null, "en", text, RetrievedAt);

        document.Sha256.ShouldBe(expected);
        SourceDocument.HashOf(text).ShouldBe(expected);
    }

    [Fact]
    public void The_text_is_stored_exactly_as_given()
    {
        const string text = "  Opening remarks.\r\n\tThe parties agreed.  ";

        var document = new SourceDocument(MeetingId, "  Transcript  ", new Uri("http://kremlin.ru/events/president/news/72483"), "ru", text, RetrievedAt);

        document.Text.ShouldBe(text);
        document.Sha256.ShouldBe(SourceDocument.HashOf(text));
        document.Sha256.ShouldNotBe(SourceDocument.HashOf(text.Trim()));
        document.Title.ShouldBe("Transcript");
        document.Url.ShouldBe("http://kremlin.ru/events/president/news/72483");
        document.Language.ShouldBe("ru");
        document.MeetingId.ShouldBe(MeetingId);
        document.RetrievedAt.ShouldBe(RetrievedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void Empty_text_is_refused(string? text)
    {
        var ex = Should.Throw<DomainRuleException>(() => new SourceDocument(MeetingId, "Transcript", null, "en", text!, RetrievedAt));

        ex.Field.ShouldBe("Text");
        ex.Message.ShouldContain("text is required");
    }

    [Fact]
    public void Text_longer_than_two_million_characters_is_refused()
    {
        var ex = Should.Throw<DomainRuleException>(() => new SourceDocument(MeetingId, "Transcript", null, "en", new string('a', SourceDocument.MaxTextLength + 1), RetrievedAt));

        ex.Field.ShouldBe("Text");
    }

    [Fact]
    public void A_title_longer_than_300_characters_is_refused()
    {
        var ex = Should.Throw<DomainRuleException>(() => new SourceDocument(MeetingId, new string('t', 301), null, "en", "text", RetrievedAt));

        ex.Field.ShouldBe("Title");
        ex.Message.ShouldContain("at most 300 characters");
    }

    [Fact]
    public void A_title_of_300_characters_is_accepted()
    {
        new SourceDocument(MeetingId, new string('t', 300), null, "en", "text", RetrievedAt).Title.Length.ShouldBe(300);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_title_is_required(string title)
    {
        var ex = Should.Throw<DomainRuleException>(() => new SourceDocument(MeetingId, title, null, "en", "text", RetrievedAt));

        ex.Field.ShouldBe("Title");
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghijklmnopq")]
    public void The_language_is_required_and_short(string language)
    {
        var ex = Should.Throw<DomainRuleException>(() => new SourceDocument(MeetingId, "Transcript", null, language, "text", RetrievedAt));

        ex.Field.ShouldBe("Language");
    }

    [Fact]
    public void A_url_longer_than_1000_characters_is_refused()
    {
        var url = new Uri("https://example.org/" + new string('a', 990));

        var ex = Should.Throw<DomainRuleException>(() => new SourceDocument(MeetingId, "Transcript", url, "en", "text", RetrievedAt));

        ex.Field.ShouldBe("Url");
    }

    [Fact]
    public void A_meeting_adds_documents_that_point_back_to_it()
    {
        var meeting = new Meeting("nsk-2023", "Forum of Regions", new DateOnly(2023, 10, 10), "Novosibirsk", MeetingFormat.Bilateral, null, RetrievedAt);

        var document = meeting.AddDocument("Transcript", null, "en", "The parties agreed.", RetrievedAt);

        document.MeetingId.ShouldBe(meeting.Id);
        meeting.Documents.ShouldHaveSingleItem().ShouldBeSameAs(document);
        meeting.Code.ShouldBe("NSK-2023");
    }
}
