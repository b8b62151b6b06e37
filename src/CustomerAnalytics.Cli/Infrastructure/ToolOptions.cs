using System.Collections.Immutable;
using CustomerAnalytics.Cli.Commands;
using CustomerAnalytics.Hosting;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Cli.Infrastructure;

/// <summary>
/// The tool's settings as one <see cref="CustomerAnalyticsOptions"/>: the <c>--config</c> file's (or the defaults), with
/// every flag given laid over it. A new flag gets its setting here: a nullable property in the command's settings, a
/// line below that takes it when given, and the setting's property in Hosting and in <c>docs/config.schema.json</c>.
/// </summary>
internal static class ToolOptions
{
    public const string NoData = "No data given: use --data DIR, or --customers, --products and --transactions, or --order-lines FILE (or name them in the --config file).";

    /// <summary>The values of <c>--similarity</c>.</summary>
    public static IReadOnlyDictionary<string, ItemSimilarity> Similarities { get; } = new Dictionary<string, ItemSimilarity>(StringComparer.OrdinalIgnoreCase)
    {
        ["jaccard"] = ItemSimilarity.Jaccard,
        ["cosine"] = ItemSimilarity.Cosine,
        ["lift"] = ItemSimilarity.Lift,
        ["cooccurrence"] = ItemSimilarity.Cooccurrence,
    };

    public static CustomerAnalyticsOptions From(DataSettings flags)
    {
        var options = flags.ConfigPath is null ? new CustomerAnalyticsOptions() : ConfigFile.Read(flags.ConfigPath);
        options = Inputs(options, flags);
        var maps = ColumnFlags.Parse(flags.ColumnMappings);
        options = options with
        {
            OrderLinesPreset = Checked(flags.Preset?.ToLowerInvariant(), options.OrderLinesPreset, (o, v) => o with { OrderLinesPreset = v }, $"Unknown --preset '{flags.Preset}': use default or online-retail."),
            Columns = ColumnFlags.Over(options.Columns, maps.Transactions),
            CustomerColumns = ColumnFlags.Over(options.CustomerColumns, maps.Customers),
            ProductColumns = ColumnFlags.Over(options.ProductColumns, maps.Products),
            Separator = flags.Separator ?? options.Separator,
            Encoding = Checked(flags.Encoding, options.Encoding, (o, v) => o with { Encoding = v }, $"Unknown --encoding '{flags.Encoding}': use utf-8, latin1, windows-1252, utf-16 or another encoding name or code page."),
            TimeZone = Checked(flags.TimeZone, options.TimeZone, (o, v) => o with { TimeZone = v }, $"Unknown --time-zone '{flags.TimeZone}': use an IANA or Windows time zone id such as UTC or America/New_York."),
            Lenient = flags.Lenient ?? options.Lenient,
            KeepGuestLines = flags.KeepGuestLines ?? options.KeepGuestLines,
            AllowNegativePrices = flags.AllowNegativePrices ?? options.AllowNegativePrices,
            RoundMoney = flags.RoundMoney ?? options.RoundMoney,
            UnknownCustomers = flags.UnknownCustomers is { } customers ? JoinPolicies.ByName[customers] : options.UnknownCustomers,
            UnknownProducts = flags.UnknownProducts is { } products ? JoinPolicies.ByName[products] : options.UnknownProducts,
            MaxProblems = flags.MaxProblems ?? options.MaxProblems,
            Recommender = options.Recommender with
            {
                MinimumSupport = flags.MinimumSupport ?? options.Recommender.MinimumSupport,
                Similarity = flags.Similarity is { } similarity ? Similarities[similarity] : options.Recommender.Similarity,
                HalfLifeDays = flags.HalfLifeDays ?? options.Recommender.HalfLifeDays,
                Lambda = flags.Lambda ?? options.Recommender.Lambda,
                AlsFactors = flags.AlsFactors ?? options.Recommender.AlsFactors,
                AlsIterations = flags.AlsIterations ?? options.Recommender.AlsIterations,
                AlsRegularization = flags.AlsRegularization ?? options.Recommender.AlsRegularization,
                AlsAlpha = flags.AlsAlpha ?? options.Recommender.AlsAlpha,
            },
        };

        var hasData = options.OrderLinesPath is not null || options.DataDirectory is not null
            || (options.CustomersPath is not null && options.ProductsPath is not null && options.TransactionsPath is not null);
        return hasData ? options : throw new CliException(NoData, ExitCodes.UsageError);
    }

    /// <summary>The input files: an order-lines flag replaces the file's inputs, a three-file flag its order-lines file;
    /// a file given by its own flag wins over a <c>--data</c> folder.</summary>
    private static CustomerAnalyticsOptions Inputs(CustomerAnalyticsOptions options, DataSettings flags)
    {
        if (flags.OrderLinesPath is { } orderLines)
        {
            return options with { OrderLinesPath = orderLines, DataDirectory = null, CustomersPath = null, ProductsPath = null, TransactionsPath = null };
        }

        if (flags.DataDirectory is null && flags.CustomersPath is null && flags.ProductsPath is null && flags.TransactionsPath is null)
        {
            return options;
        }

        string? FromFile(string? path) => flags.DataDirectory is null ? path : null;
        return options with
        {
            OrderLinesPath = null,
            DataDirectory = flags.DataDirectory ?? options.DataDirectory,
            CustomersPath = flags.CustomersPath ?? FromFile(options.CustomersPath),
            ProductsPath = flags.ProductsPath ?? FromFile(options.ProductsPath),
            TransactionsPath = flags.TransactionsPath ?? FromFile(options.TransactionsPath),
        };
    }

    /// <summary>The flag's value when given and valid (checked by the options' own validation), the file's otherwise.</summary>
    private static string Checked(string? flag, string current, Func<CustomerAnalyticsOptions, string, CustomerAnalyticsOptions> set, string error)
    {
        if (flag is null)
        {
            return current;
        }

        try
        {
            set(new CustomerAnalyticsOptions(), flag).Validate();
            return flag;
        }
        catch (ArgumentException)
        {
            throw new CliException(error, ExitCodes.UsageError);
        }
    }

    /// <summary><c>--map [FILE.]FIELD=COLUMN</c> by file.</summary>
    private static class ColumnFlags
    {
        public static (Dictionary<string, string> Transactions, Dictionary<string, string> Customers, Dictionary<string, string> Products) Parse(IEnumerable<string> mappings)
        {
            var maps = (Transactions: Map(), Customers: Map(), Products: Map());
            foreach (var mapping in mappings)
            {
                var parts = mapping.Split('=', 2, StringSplitOptions.TrimEntries);
                var target = parts[0].Split('.', 2);
                var (file, field) = target.Length == 2 ? (target[0].ToLowerInvariant(), target[1]) : ("transactions", parts[0]);
                var (map, fields) = file switch
                {
                    "customers" => (maps.Customers, ColumnFields.Customers),
                    "products" => (maps.Products, ColumnFields.Products),
                    "transactions" or "order-lines" => (maps.Transactions, ColumnFields.Transactions),
                    _ => (null, ImmutableArray<string>.Empty),
                };
                if (map is null || parts.Length != 2 || parts[1].Length == 0 || !fields.Contains(field, StringComparer.OrdinalIgnoreCase))
                {
                    throw new CliException(
                        $"Invalid --map '{mapping}': expected [FILE.]FIELD=COLUMN with FILE customers (fields {string.Join(", ", ColumnFields.Customers)}), "
                        + $"products (fields {string.Join(", ", ColumnFields.Products)}) or transactions, the default, also for --order-lines (fields {string.Join(", ", ColumnFields.Transactions)}).",
                        ExitCodes.UsageError);
                }

                map[field] = parts[1];
            }

            return maps;
        }

        /// <summary>The file's map with the flags' entries over it (fields match ignoring case).</summary>
        public static Dictionary<string, string> Over(IReadOnlyDictionary<string, string> file, Dictionary<string, string> flags)
        {
            var map = Map();
            foreach (var (field, column) in file.Concat(flags))
            {
                map[field] = column;
            }

            return map;
        }

        private static Dictionary<string, string> Map() => new(StringComparer.OrdinalIgnoreCase);
    }
}
