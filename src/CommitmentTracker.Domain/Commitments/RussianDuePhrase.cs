using System.Text.RegularExpressions;

namespace CommitmentTracker.Domain.Commitments;

/// <summary>
/// Reads a Russian due phrase ("осенью 2024 года", "до конца года", "в первом полугодии", "к 2025 году",
/// "в ближайшее время") as the English phrase <see cref="DueWindowParser"/> resolves, so both languages go through
/// one set of calendar rules. The phrase kept on the window is always the one as spoken.
/// </summary>
/// <remarks>
/// Russian inflects every word of a time phrase, but only a few endings matter here; each rule below matches the
/// stems and lets the endings vary ("года"/"году"/"год", "осенью"/"осени"). "до" and "к" are deadlines (the window
/// opens at the meeting, like "by"); "через N" counts from the meeting like "in N".
/// </remarks>
public static partial class RussianDuePhrase
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Static data, built once per process: Stryker's MTP runner never switches a mutant here on (stryker-net#3742), so
    // its mutants are not generated (ADR 0040); a named case per rule checks every entry instead.
    // Stryker disable once all : static table read rule by rule in CalendarWordTests.Every_Russian_rule_gives_its_English_phrase
    private static readonly (Regex Pattern, string English)[] Rules =
    [
        // Open phrases first: they have no calendar part to translate.
        (Open(), "the near future"),
        (new Regex(@"\b(?:в\s+)?(?:средне|долго)срочной\s+перспективе\b", Options), "the long term"),
        (new Regex(@"\bв\s+ближайшие\s+(?:годы|несколько\s+лет)\b", Options), "the coming years"),
        (new Regex(@"\bв\s+ближайшие\s+месяцы\b", Options), "the coming months"),
        (new Regex(@"\bв\s+ближайшие\s+(?:недели|несколько\s+недель)\b", Options), "the coming weeks"),
        (new Regex(@"\bв\s+ближайшие\s+(?:дни|несколько\s+дней)\b", Options), "the coming days"),

        // Belarus's five-year planning periods ("до конца пятилетки", "в новой пятилетке", "в текущей пятилетке").
        (new Regex(@"\bнов\p{L}*\s+(?=пятилетк)", Options), "new "),
        (new Regex(@"\b(?:следующ|будущ|предстоящ|наступающ)\p{L}*\s+(?=пятилетк)", Options), "next "),
        (new Regex(@"\b(?:эт|текущ|нынешн)\p{L}*\s+(?=пятилетк)", Options), "this "),
        (new Regex(@"\bпятилетк\p{L}*", Options), "five-year period"),

        // Half a year ("через полгода", "в течение полугода").
        (new Regex(@"\bпол(?:у)?года\b", Options), "six months"),

        // A range of days in a month ("с 20 по 22 сентября", "от 20 до 22 сентября"; "20–21 сентября" needs nothing).
        (new Regex(@"(?<=(?<!\d)\d{1,2})\s+(?:по|до)\s+(?=\d{1,2}(?!\d))", Options), " to "),
        (new Regex(@"^от\s+(?=\d)", Options), "from "),

        // Day words.
        (new Regex(@"\bсегодня(?:шний\s+день)?\b", Options), "today"),
        (new Regex(@"\bпослезавтра\b", Options), "the day after tomorrow"),
        (new Regex(@"\bзавтра\b", Options), "tomorrow"),
        (new Regex(@"\bнов(?:ого|ому|ом|ый|ым)\s+год[ауом]*\b", Options), "new year"),

        // Year words ("2024 года", "2030-му", "этого года", "следующем году"); "года" after "конца" is "the year".
        (new Regex(@"\b(?<y>(?:19|20)\d{2})(?:\s*[-–—]\s*|\s+(?:и|по|до)\s+)(?<z>(?:19|20)\d{2})(?:-(?:х|е))?(?:\s+(?:годы|годах|годов|гг\.?))?", Options), "${y}-${z}"),
        (new Regex(@"\b(?<y>(?:19|20)\d{2})(?:-(?:го|му|м|й))?(?:\s+(?:год[уаео]?м?\b|г\.|г\b))?", Options), "${y}"),
        (new Regex(@"\b(?:этого|этом|текущего|текущем)\s+и\s+(?:следующего|следующем|будущего|будущем)\s+год(?:[ау]|ах|ов)?\b", Options), "this year and next year"),
        (new Regex(@"\b(?:этот|этого|этом|текущий|текущего|текущем|нынешний|нынешнего|нынешнем|сего)\s+год[ауе]?\b", Options), "this year"),
        (new Regex(@"\b(?:следующий|следующего|следующем|будущий|будущего|будущем|наступающий|наступающего|наступающем|предстоящий|предстоящего|предстоящем)\s+год[ауе]?\b", Options), "next year"),
        (new Regex(@"\b(?:этого|этом|текущего|текущем)\s+месяц[ае]?\b", Options), "this month"),
        (new Regex(@"\b(?:следующего|следующем)\s+месяц[ае]?\b", Options), "next month"),
        (new Regex(@"\b(?:этой|текущей)\s+недел[иеюя]\b", Options), "this week"),
        (new Regex(@"\b(?:этого|этом|текущего|текущем)\s+квартал[ае]?\b", Options), "this quarter"),
        (new Regex(@"\b(?:следующего|следующем)\s+квартал[ае]?\b", Options), "next quarter"),
        (new Regex(@"\bв\s+течение\s+(?:года|одного\s+года)\b", Options), "within a year"),

        // "в месячный срок", "в двухнедельный срок", "в пятилетний срок": a span from the meeting.
        (new Regex(@"\b(?:в\s+)?(?<n>двух|тр[её]х|четыр[её]х|пяти|шести|десяти)недельн\p{L}*\s+срок\p{L}*", Options), "within ${n} недель"),
        (new Regex(@"\b(?:в\s+)?(?<n>двух|тр[её]х|четыр[её]х|пяти|шести|десяти)месячн\p{L}*\s+срок\p{L}*", Options), "within ${n} месяцев"),
        (new Regex(@"\b(?:в\s+)?(?<n>двух|тр[её]х|четыр[её]х|пяти|шести|десяти)летн\p{L}*\s+срок\p{L}*", Options), "within ${n} лет"),
        (new Regex(@"\b(?:в\s+)?(?<n>двух|тр[её]х|четыр[её]х|пяти|шести|десяти)дневн\p{L}*\s+срок\p{L}*", Options), "within ${n} дней"),
        (new Regex(@"\b(?:в\s+)?недельн\p{L}*\s+срок\p{L}*", Options), "within a week"),
        (new Regex(@"\b(?:в\s+)?(?:одно)?месячн\p{L}*\s+срок\p{L}*", Options), "within a month"),
        (new Regex(@"\b(?:в\s+)?(?:годичн|годов)\p{L}*\s+срок\p{L}*", Options), "within a year"),
        (new Regex(@"\bв\s+течение\s+месяца\b", Options), "within a month"),
        (new Regex(@"\b(?:на\s+)?следующ(?:ей|ую)\s+недел[еию]\b", Options), "next week"),
        (new Regex(@"\b(?:начал[еоау])\s+(?=(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|весн|лет[аоу]\b|осен|зим))", Options), "early "),
        (new Regex(@"\b(?:середин[еауы])\s+(?=(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|весн|лет[аоу]\b|осен|зим))", Options), "mid "),

        // The beginning or middle of a year ("в начале 2025 года", "в середине следующего года", "в начале года"),
        // read after the year words above have made the year English.
        (new Regex(@"\bначал[еоау]\s+(?=(?:\d{4}|next\s+year|this\s+year)\b)", Options), "early "),
        (new Regex(@"\bсередин[еауы]\s+(?=(?:\d{4}|next\s+year|this\s+year)\b)", Options), "mid "),
        (new Regex(@"\bначал[еоау]\s+год[ау]?\b", Options), "the beginning of the year"),
        (new Regex(@"\bсередин[еауы]\s+год[ау]?\b", Options), "the middle of the year"),
        (new Regex(@"\bконц[ауе]\s+год[ауе]?\b", Options), "end of the year"),
        (new Regex(@"\bконц[ауе]\s+месяц[ае]?\b", Options), "end of the month"),
        (new Regex(@"\bконц[ауе]\s+недел[иею]\b", Options), "end of the week"),
        (new Regex(@"\bконц[ауе]\s+квартал[ае]?\b", Options), "end of the quarter"),
        (new Regex(@"\bконц[ауе]\b", Options), "end of"),

        // Parts of the year ("в 3 квартале", "во 2-м полугодии" too).
        (new Regex(@"\b(?<n>[1-4])(?:-?(?:м|й|ом|ем|го))?\s+квартал[ае]?\b", Options), "Q${n}"),
        (new Regex(@"\b(?<n>[12])(?:-?(?:м|й|ом|ем|го))?\s+полугоди[иея]\b", Options), "H${n}"),
        (new Regex(@"\b(?:перв(?:ом|ое|ого)|I)\s+полугоди[иея]\b", Options), "first half"),
        (new Regex(@"\b(?:втор(?:ом|ое|ого)|II)\s+полугоди[иея]\b", Options), "second half"),
        (new Regex(@"\b(?:перв(?:ом|ый|ого)|I)\s+квартал[ае]?\b", Options), "first quarter"),
        (new Regex(@"\b(?:втор(?:ом|ой|ого)|II)\s+квартал[ае]?\b", Options), "second quarter"),
        (new Regex(@"\b(?:трет(?:ьем|ий|ьего)|III)\s+квартал[ае]?\b", Options), "third quarter"),
        (new Regex(@"\b(?:четв[её]рт(?:ом|ый|ого)|IV)\s+квартал[ае]?\b", Options), "fourth quarter"),
        (new Regex(@"\bперв(?:ой|ая|ую)\s+половин[аеуы]\b", Options), "first half"),
        (new Regex(@"\bвтор(?:ой|ая|ую)\s+половин[аеуы]\b", Options), "second half"),

        // "полугодии года", "квартале года": the year a part of the year is of.
        (new Regex(@"(?<=\b(?:half|quarter))\s+год[ау]\b", Options), " of the year"),
        (new Regex(@"\b(?:этой|этим|текущей|нынешней)\s+(?=(?:весн|лет|осен|зим)\p{L}*\b)", Options), "this "),
        (new Regex(@"\b(?:следующей|следующим|будущей|будущим|предстоящей|предстоящим)\s+(?=(?:весн|лет|осен|зим)\p{L}*\b)", Options), "next "),
        (new Regex(@"\bвесн(?:ой|а|ы|у|е)\b", Options), "spring"),
        (new Regex(@"\bлет(?:ом|а|о|у)\b", Options), "summer"),
        (new Regex(@"\bосен(?:ью|ь|и)\b", Options), "autumn"),
        (new Regex(@"\bзим(?:ой|а|ы|у|е)\b", Options), "winter"),
        (new Regex(@"\bянвар[яеь]\b", Options), "January"),
        (new Regex(@"\bфеврал[яеь]\b", Options), "February"),
        (new Regex(@"\bмарт[ае]?\b", Options), "March"),
        (new Regex(@"\bапрел[яеь]\b", Options), "April"),
        (new Regex(@"\bма[яейй]\b", Options), "May"),
        (new Regex(@"\bиюн[яеь]\b", Options), "June"),
        (new Regex(@"\bиюл[яеь]\b", Options), "July"),
        (new Regex(@"\bавгуст[ае]?\b", Options), "August"),
        (new Regex(@"\bсентябр[яеь]\b", Options), "September"),
        (new Regex(@"\bоктябр[яеь]\b", Options), "October"),
        (new Regex(@"\bноябр[яеь]\b", Options), "November"),
        (new Regex(@"\bдекабр[яеь]\b", Options), "December"),

        // Counted spans ("через два года", "в течение шести месяцев"); a unit with no number is one ("через месяц").
        (new Regex(@"(?<=^(?:через|за|в\s+течение)\s+)(?=(?:месяц|год|недел|день|дня)\p{L}*$)", Options), "one "),
        (new Regex(@"\b(?:один|одного|одну|одной)\b", Options), "one"),
        (new Regex(@"\b(?:два|две|двух)\b", Options), "two"),
        (new Regex(@"\b(?:три|тр[её]х)\b", Options), "three"),
        (new Regex(@"\b(?:четыре|четыр[её]х)\b", Options), "four"),
        (new Regex(@"\bпят[иь]\b", Options), "five"),
        (new Regex(@"\bшест[иь]\b", Options), "six"),
        (new Regex(@"\bсем[иь]\b", Options), "seven"),
        (new Regex(@"\bвос[еь]?м[иь]\b", Options), "eight"),
        (new Regex(@"\bдевят[иь]\b", Options), "nine"),
        (new Regex(@"\bдесят[иь]\b", Options), "ten"),
        (new Regex(@"\b(?:лет|год[ауа]?)\b", Options), "years"),
        (new Regex(@"\bмесяц(?:ев|а)?\b", Options), "months"),
        (new Regex(@"\bнедел(?:ь|и|ю|я)\b", Options), "weeks"),
        (new Regex(@"\b(?:дней|дня|день)\b", Options), "days"),

        // Leading words.
        (new Regex(@"^(?:в\s+течение|за|в\s+ближайшие)\s+", Options), "within "),
        (new Regex(@"^через\s+", Options), "in "),
        (new Regex(@"^(?:до|к|ко|не\s+позднее|не\s+позже)\s+", Options), "by "),
        (new Regex(@"^(?:в|во|на|с|со)\s+", Options), "in "),
    ];

    /// <summary>True when the phrase is written in Cyrillic, so it is Russian for this parser.</summary>
    public static bool IsRussian(string phrase) => Cyrillic().IsMatch(phrase);

    /// <summary>The English phrase the Russian one means, or null when a word of it is not understood.</summary>
    public static string? ToEnglish(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var text = phrase.Trim().ToLowerInvariant().Replace('ё', 'е');
        foreach (var (pattern, english) in Rules)
        {
            text = pattern.Replace(text, english);
        }

        text = Spaces().Replace(text, " ").Trim();
        return Cyrillic().IsMatch(text) ? null : text;
    }

    [GeneratedRegex(@"\b(?:в\s+)?(?:самое\s+)?(?:ближайшее\s+время|ближайшей\s+перспективе|ближайшем\s+будущем|скором\s+времени)\b|\bв\s+кратчайшие\s+сроки\b|\bвскоре\b|\bкак\s+можно\s+(?:скорее|быстрее)\b|\bв\s+перспективе\b", Options)]
    private static partial Regex Open();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
