using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations.Persistence;

/// <summary>Rebuilds a model from the payload <see cref="ModelEncoder"/> wrote, checking every count and index as it goes.</summary>
internal sealed class ModelDecoder
{
    /// <summary>How deeply blends and chains may nest.</summary>
    private const int MaxDepth = 32;

    private readonly PayloadReader _r;
    private readonly List<(EnrichedDataset Dataset, CustomerPurchases Purchases)> _datasets = [];

    private ModelDecoder(PayloadReader reader) => _r = reader;

    public static IRecommenderModel Decode(PayloadReader reader)
    {
        var decoder = new ModelDecoder(reader);
        var count = reader.Index(int.MaxValue, "a dataset count");
        for (var i = 0; i < count; i++)
        {
            decoder._datasets.Add(DatasetCodec.Read(reader));
        }

        var model = decoder.Node(0);
        return reader.AtEnd ? model : throw reader.Fail(reader.Position, "bytes after the model");
    }

    private IRecommenderModel Node(int depth)
    {
        var at = _r.Position;
        if (depth > MaxDepth)
        {
            throw _r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"models nested more than {MaxDepth} deep"));
        }

        var kind = (SavedModelKind)_r.Byte();
        var name = _r.String();
        switch (kind)
        {
            case SavedModelKind.CandidateList:
                return CandidateList(name);
            case SavedModelKind.ItemCooccurrence:
                return Cooccurrence(name);
            case SavedModelKind.ImplicitAls:
                return Als(name);
            case SavedModelKind.Blended:
                {
                    var parts = new IRecommenderModel[_r.Index(int.MaxValue, "a component count")];
                    var weights = new double[parts.Length];
                    for (var i = 0; i < parts.Length; i++)
                    {
                        weights[i] = _r.Double();
                        parts[i] = Node(depth + 1);
                    }

                    return new BlendedRecommender.Model(name, ImmutableArray.Create(parts), ImmutableArray.Create(weights));
                }

            case SavedModelKind.Fallback:
                {
                    var parts = new IRecommenderModel[_r.Index(int.MaxValue, "a chain length")];
                    for (var i = 0; i < parts.Length; i++)
                    {
                        parts[i] = Node(depth + 1);
                    }

                    return new FallbackRecommender.Model(name, ImmutableArray.Create(parts));
                }

            default:
                throw _r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"model kind {(int)kind}, which this library version does not know"));
        }
    }

    private (EnrichedDataset Dataset, CustomerPurchases Purchases) Dataset() => _datasets[_r.Index(_datasets.Count, "a dataset index")];

    private CandidateListModel CandidateList(string name)
    {
        var (dataset, purchases) = Dataset();
        var products = dataset.ProductTable.Length;
        var lists = new RankedCandidates[_r.Index(int.MaxValue, "a list count")];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = Candidates(products);
        }

        int[]? listOfCustomer = null;
        if (_r.Byte() != 0)
        {
            var at = _r.Position;
            listOfCustomer = DatasetCodec.Indexes(_r, lists.Length, "a list index");
            if (listOfCustomer.Length != dataset.CustomerTable.Length)
            {
                throw _r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"{listOfCustomer.Length} list indexes for {dataset.CustomerTable.Length} customers"));
            }
        }

        return new CandidateListModel(name, dataset, purchases, lists, listOfCustomer, Candidates(products));
    }

    private ItemCooccurrenceModel Cooccurrence(string name)
    {
        var (dataset, purchases) = Dataset();
        var products = dataset.ProductTable.Length;
        var offsets = DatasetCodec.Offsets(_r, dataset.CustomerTable.Length);
        var items = DatasetCodec.Indexes(_r, products, "a product index");
        var values = Matching(_r.Doubles(), items.Length, "affinities");
        var affinities = CustomerAffinities.FromState(offsets, items, values);
        var at = _r.Position;
        var rows = _r.Int32();
        if (rows != products)
        {
            throw _r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"a similarity matrix of {rows} rows for {products} products"));
        }

        var neighbors = new int[rows][];
        var similarities = new double[rows][];
        for (var p = 0; p < rows; p++)
        {
            neighbors[p] = DatasetCodec.Indexes(_r, products, "a neighbour");
            similarities[p] = Matching(_r.Doubles(), neighbors[p].Length, "similarities");
        }

        var self = Matching(_r.Doubles(), products, "self-similarities");
        var occurrences = Matching(_r.Int32s(), products, "occurrence counts");
        at = _r.Position;
        var limit = _r.Int32();
        if (limit < 0)
        {
            throw _r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"a neighbour limit of {limit}"));
        }

        var kept = new NeighborLimit(limit == 0 ? null : limit, _r.String());
        var similarity = ItemSimilarityMatrix.FromState(neighbors, similarities, self, occurrences, kept);
        return new ItemCooccurrenceModel(name, dataset, purchases, affinities, similarity, Candidates(products));
    }

    private ImplicitAlsModel Als(string name)
    {
        var (dataset, purchases) = Dataset();
        var products = dataset.ProductTable.Length;
        var at = _r.Position;
        var options = new ImplicitAlsOptions
        {
            Factors = _r.Int32(),
            Regularization = _r.Double(),
            Alpha = _r.Double(),
            Weight = (AffinityWeight)_r.Int32(),
            Iterations = _r.Int32(),
            CgSteps = _r.Int32(),
            Seed = _r.Int32(),
            MaxDegreeOfParallelism = _r.Int32() is var dop and > 0 ? dop : null,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw _r.Fail(at, "invalid ALS options (" + e.Message + ")");
        }

        var offsets = DatasetCodec.Offsets(_r, dataset.CustomerTable.Length);
        var columns = DatasetCodec.Indexes(_r, products, "a product index");
        var userItems = new SparseRows(offsets, columns, Matching(_r.Singles(), columns.Length, "confidences"));
        var users = Factors(dataset.CustomerTable.Length, options.Factors);
        var items = Factors(products, options.Factors);
        return new ImplicitAlsModel(name, options, dataset, purchases, userItems, users, items, Candidates(products), ProductOrder.OrdinalRanks(dataset.ProductTable));
    }

    private FactorMatrix Factors(int rows, int factors)
    {
        var at = _r.Position;
        var (rowCount, factorCount) = (_r.Int32(), _r.Int32());
        var data = _r.Singles();
        return rowCount == rows && factorCount == factors && data.LongLength == (long)rows * factors
            ? FactorMatrix.FromState(rows, factors, data)
            : throw _r.Fail(at, string.Create(CultureInfo.InvariantCulture, $"a {rowCount} × {factorCount} factor matrix of {data.Length} numbers where {rows} × {factors} was expected"));
    }

    private RankedCandidates Candidates(int products)
    {
        var items = DatasetCodec.Indexes(_r, products, "a candidate product");
        var scores = Matching(_r.Doubles(), items.Length, "scores");
        var reasons = new string[items.Length];
        for (var i = 0; i < reasons.Length; i++)
        {
            reasons[i] = _r.Text();
        }

        return RankedCandidates.FromState(items, scores, reasons);
    }

    private T[] Matching<T>(T[] values, int expected, string what) =>
        values.Length == expected
            ? values
            : throw _r.Fail(_r.Position, string.Create(CultureInfo.InvariantCulture, $"{values.Length} {what} where {expected} were expected"));
}
