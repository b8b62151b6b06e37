namespace CustomerAnalytics.Loading;

/// <summary>
/// Options shared by every loader. Immutable: derive a variant with <c>options with { Mode = LoadMode.Lenient }</c>.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>The segment of the guest customer (<see cref="KeepGuestLines"/>).</summary>
    public const string GuestSegment = "Guest";

    // Before Default, which reads it when constructed.
    private static IReadOnlyDictionary<string, double> DefaultEventWeights { get; } =
        new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["view"] = 1, ["cart"] = 3, ["purchase"] = 5 }.AsReadOnly();

    /// <summary>The default options: strict, comma separated, invariant culture, UTC for timestamps without an offset.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Whether bad rows throw or are reported.</summary>
    /// <value>Defaults to <see cref="LoadMode.Strict"/>.</value>
    public LoadMode Mode { get; init; } = LoadMode.Strict;

    /// <summary>How many problems a <see cref="DataLoadException"/> or a lenient result lists in detail; the rest are counted.</summary>
    /// <value>
    /// Defaults to 100. In lenient mode every rejected row is still counted, and listed up to this number. A problem of
    /// the whole source that stops the load (a missing column, a broken JSON array) is always listed.
    /// </value>
    public int MaxReportedProblems { get; init; } = 100;

    /// <summary>The CSV field separator; <see langword="null"/> detects it among <c>, ; \t |</c> from the first lines.</summary>
    /// <value>Defaults to <c>','</c>, so a file with another separator is reported rather than guessed.</value>
    public char? Separator { get; init; } = ',';

    /// <summary>The time zone of timestamps written without an offset or <c>Z</c>, and of date-only values.</summary>
    /// <value>Defaults to <see cref="TimeZoneInfo.Utc"/>.</value>
    public TimeZoneInfo SourceTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Whether diagnostics and exception messages include the offending raw values (which may be personal data).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool IncludeValuesInDiagnostics { get; init; } = true;

    /// <summary>
    /// How many cores may parse one large CSV file of transactions streamed into a builder (<c>LoadInto</c> and
    /// <c>LoadIntoAsync</c> from a path).
    /// </summary>
    /// <value>
    /// Defaults to <see langword="null"/>: every core (<see cref="Environment.ProcessorCount"/>). The file is cut at line
    /// breaks into that many parts, each parsed on its own core and joined in file order, so the dataset, the line
    /// numbers of diagnostics and the report are those of a load on one core. <c>1</c> loads on one core. Files under
    /// 4 MiB, gzip, JSON, separator detection (<see cref="Separator"/> <see langword="null"/>) and streams load on one
    /// core whatever this says; so does a file whose parts cannot be told apart for certain (a quoted value spanning
    /// lines at a cut), which is then read again on one core.
    /// </value>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Told the number of bytes each read took from a file or stream, as the load goes (for a progress bar).</summary>
    /// <value>
    /// Defaults to <see langword="null"/>. The bytes are those of the file or stream as given (compressed for
    /// <c>.gz</c>), so the reports of one load add up to its size; a <see cref="TextReader"/> source reports nothing.
    /// A file loaded on several cores (<see cref="MaxDegreeOfParallelism"/>) reports from several threads at once, and
    /// twice over when the parallel attempt gives way to a load on one core.
    /// </value>
    public IProgress<long>? ReadProgress { get; init; }

    /// <summary>The character encoding of files and streams (a <see cref="TextReader"/> is text already).</summary>
    /// <value>
    /// Defaults to UTF-8 (<see cref="System.Text.Encoding.UTF8"/>; a UTF-8 byte order mark is skipped). Another encoding
    /// (<see cref="System.Text.Encoding.Latin1"/>, <see cref="System.Text.Encoding.Unicode"/>, a code page from
    /// <c>CodePagesEncodingProvider.Instance.GetEncoding(1252)</c>) is transcoded to UTF-8 as the source is read; such a
    /// file of transactions loads on one core. Text that is not valid UTF-8 in a UTF-8 source is reported: a warning for
    /// text, a rejected row for an id.
    /// </value>
    public System.Text.Encoding Encoding { get; init; } = System.Text.Encoding.UTF8;

    /// <summary>Whether sources are read as UTF-8, so no transcoding is needed.</summary>
    internal bool IsUtf8 => Encoding.CodePage == System.Text.Encoding.UTF8.CodePage;

    /// <summary>
    /// How many decimal places money (prices, line totals) is rounded to, half away from zero; <see langword="null"/>
    /// keeps money exactly as written.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="null"/>: an amount with more than 4 decimal places is rejected. <c>0</c> to <c>4</c>
    /// rounds every amount with more places (<c>4.440892e-16</c> → <c>0.00</c> with 2): each is counted in
    /// <see cref="LoadReport.MoneyValuesRounded"/> and the first ones are listed in a warning diagnostic.
    /// </value>
    public int? MoneyDecimals { get; init; }

    /// <summary>Whether a negative unit price is kept as an adjustment (a bad-debt write-off) rather than rejected.</summary>
    /// <value>
    /// Defaults to <see langword="false"/>. <see langword="true"/> keeps the line, its revenue (quantity × the negative
    /// price) included in every total; each is counted in <see cref="LoadReport.NegativePricesKept"/> and listed in a
    /// warning diagnostic. A product's negative list price is still rejected.
    /// </value>
    public bool AllowNegativePrices { get; init; }

    /// <summary>Whether a transaction line without a customer id is kept under one guest customer rather than rejected.</summary>
    /// <value>
    /// Defaults to <see langword="false"/>. <see langword="true"/> keeps such lines under the customer
    /// <see cref="GuestCustomerId"/>, in the segment <see cref="GuestSegment"/>: counted in totals (revenue, categories,
    /// products, periods), left out of every per-customer analysis (<see cref="Enrichment.EnrichedDataset.GuestCustomer"/>).
    /// Each is counted in <see cref="LoadReport.GuestLines"/> and listed in a warning diagnostic.
    /// </value>
    public bool KeepGuestLines { get; init; }

    /// <summary>The id of the guest customer that <see cref="KeepGuestLines"/> keeps lines without a customer under.</summary>
    /// <value>Defaults to <c>guest</c>; it must not be the id of a real customer.</value>
    public string GuestCustomerId { get; init; } = "guest";

    /// <summary>
    /// The weight of each event type of the event type column (<see cref="TransactionColumns.EventType"/>), matched
    /// ignoring ASCII case; a row whose type is not here is a row error. A row's own weight
    /// (<see cref="TransactionColumns.Weight"/>), when it has one, wins over its type's.
    /// </summary>
    /// <value>Defaults to <c>view</c> 1, <c>cart</c> 3, <c>purchase</c> 5. Each weight is finite and 0 or more.</value>
    public IReadOnlyDictionary<string, double> EventWeights { get; init; } = DefaultEventWeights;

    /// <summary>
    /// The event types that are sales: their rows count in revenue and every KPI. Rows of the other types of
    /// <see cref="EventWeights"/> (views, carts) are kept only for the recommenders' weights
    /// (<see cref="Enrichment.EnrichedDataset.Interactions"/>), never as sales.
    /// </summary>
    /// <value>Defaults to <c>purchase</c>. Each must be a type of <see cref="EventWeights"/>.</value>
    public IReadOnlyList<string> SaleEvents { get; init; } = ["purchase"];

    /// <summary>The header names each field of a customer is looked up by.</summary>
    public CustomerColumns CustomerColumns { get; init; } = CustomerColumns.Default;

    /// <summary>The header names each field of a product is looked up by.</summary>
    public ProductColumns ProductColumns { get; init; } = ProductColumns.Default;

    /// <summary>The header names each field of a transaction is looked up by.</summary>
    public TransactionColumns TransactionColumns { get; init; } = TransactionColumns.Default;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (MaxReportedProblems < 1)
        {
            errors.Add($"{nameof(MaxReportedProblems)} must be at least 1 (was {MaxReportedProblems}).");
        }

        if (Separator is { } separator && (separator > 127 || separator is '"' or '\r' or '\n'))
        {
            errors.Add($"{nameof(Separator)} must be an ASCII character other than a quote or a line break.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add($"{nameof(MaxDegreeOfParallelism)} must be at least 1, or null for every core (was {MaxDegreeOfParallelism}).");
        }

        if (Encoding is null)
        {
            errors.Add($"{nameof(Encoding)} must not be null.");
        }

        if (MoneyDecimals is < 0 or > 4)
        {
            errors.Add($"{nameof(MoneyDecimals)} must be from 0 to 4, or null to keep money exactly (was {MoneyDecimals}).");
        }

        if (string.IsNullOrWhiteSpace(GuestCustomerId))
        {
            errors.Add($"{nameof(GuestCustomerId)} must not be empty.");
        }

        if (SourceTimeZone is null)
        {
            errors.Add($"{nameof(SourceTimeZone)} must not be null.");
        }

        if (CustomerColumns is null || ProductColumns is null || TransactionColumns is null)
        {
            errors.Add("The column maps must not be null.");
        }

        EventTypeWeights.Check(EventWeights, SaleEvents, errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid LoadOptions: " + string.Join(" ", errors));
        }
    }
}
