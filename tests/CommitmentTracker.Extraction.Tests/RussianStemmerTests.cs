using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Tests;

/// <summary>The Snowball Russian stemmer the sentence model's Russian features use (ADR 0037).</summary>
public class RussianStemmerTests
{
    [Theory]
    // Verb forms of one instruction read as one stem: the point of the Snowball stemmer over Words.Stem.
    [InlineData("поручил", "поруч")]
    [InlineData("поручено", "поруч")]
    [InlineData("договорились", "договор")]
    [InlineData("договоримся", "договор")]
    // Adjectives with a superlative, nouns in several cases, a derivational "-ость".
    [InlineData("важнейшие", "важн")]
    [InlineData("области", "област")]
    [InlineData("областью", "област")]
    [InlineData("необходимость", "необходим")]
    [InlineData("готовы", "готов")]
    [InlineData("Ёлки", "елк")]
    // Words without a vowel to anchor a region, and Latin words, come back lower-cased.
    [InlineData("в", "в")]
    [InlineData("MAZ", "maz")]
    public void Stems_russian_words_by_the_snowball_rules(string word, string stem) =>
        RussianStemmer.Stem(word).ShouldBe(stem);
}
