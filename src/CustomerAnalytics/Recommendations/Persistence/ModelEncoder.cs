using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations.Persistence;

/// <summary>
/// Writes a fitted model's payload: the datasets its parts were fitted on (each once), then the model tree, each node
/// its kind, strategy name and state. See <c>docs/saved-models.md</c>.
/// </summary>
internal sealed class ModelEncoder
{
    private readonly PayloadWriter _w = new();
    private readonly List<(EnrichedDataset Dataset, CustomerPurchases Purchases)> _datasets = [];

    private ModelEncoder()
    {
    }

    /// <summary>The kind of the outermost model and the payload.</summary>
    /// <exception cref="NotSupportedException">A model (or one of its parts) is not one this library fits.</exception>
    public static (SavedModelKind Kind, byte[] Payload) Encode(IRecommenderModel model)
    {
        var encoder = new ModelEncoder();
        var kind = encoder.Collect(model);
        encoder._w.Int32(encoder._datasets.Count);
        foreach (var (dataset, purchases) in encoder._datasets)
        {
            DatasetCodec.Write(encoder._w, dataset, purchases);
        }

        encoder.Node(model);
        return (kind, encoder._w.ToArray());
    }

    /// <summary>The kind of a model, after noting the datasets of it and its parts.</summary>
    private SavedModelKind Collect(IRecommenderModel model)
    {
        switch (model)
        {
            case CandidateListModel m:
                DatasetIndex(m.Dataset, m.Purchases);
                return SavedModelKind.CandidateList;
            case ItemCooccurrenceModel m:
                DatasetIndex(m.Dataset, m.Purchases);
                return SavedModelKind.ItemCooccurrence;
            case ImplicitAlsModel m:
                DatasetIndex(m.Dataset, m.Purchases);
                return SavedModelKind.ImplicitAls;
            case BlendedRecommender.Model m:
                foreach (var part in m.Parts)
                {
                    Collect(part);
                }

                return SavedModelKind.Blended;
            case FallbackRecommender.Model m:
                foreach (var part in m.Parts)
                {
                    Collect(part);
                }

                return SavedModelKind.Fallback;
            default:
                throw new NotSupportedException(
                    $"The model '{model.StrategyName}' ({model.GetType().FullName}) cannot be saved: only models fitted by this library's recommenders " +
                    "(popularity, segment affinity, item co-occurrence, implicit ALS, and blends and fallback chains of them) can. Save the model's own state another way, or refit it at start-up.");
        }
    }

    /// <summary>The index of a dataset in the payload's dataset section, adding it the first time.</summary>
    private int DatasetIndex(EnrichedDataset dataset, CustomerPurchases purchases)
    {
        for (var i = 0; i < _datasets.Count; i++)
        {
            var (known, knownPurchases) = _datasets[i];
            if (ReferenceEquals(known, dataset)
                && (ReferenceEquals(knownPurchases, purchases)
                    || (knownPurchases.Offsets.AsSpan().SequenceEqual(purchases.Offsets) && knownPurchases.ProductIndexes.AsSpan().SequenceEqual(purchases.ProductIndexes))))
            {
                return i;
            }
        }

        _datasets.Add((dataset, purchases));
        return _datasets.Count - 1;
    }

    private void Node(IRecommenderModel model)
    {
        var kind = Collect(model);
        _w.Byte((byte)kind);
        _w.String(model.StrategyName);
        switch (model)
        {
            case CandidateListModel m:
                _w.Int32(DatasetIndex(m.Dataset, m.Purchases));
                _w.Int32(m.Lists.Length);
                foreach (var list in m.Lists)
                {
                    Candidates(list);
                }

                _w.Byte(m.ListOfCustomer is null ? (byte)0 : (byte)1);
                if (m.ListOfCustomer is { } listOfCustomer)
                {
                    _w.Int32s(listOfCustomer);
                }

                Candidates(m.Fallback);
                break;
            case ItemCooccurrenceModel m:
                Cooccurrence(m);
                break;
            case ImplicitAlsModel m:
                Als(m);
                break;
            case BlendedRecommender.Model m:
                _w.Int32(m.Parts.Length);
                for (var i = 0; i < m.Parts.Length; i++)
                {
                    _w.Double(m.Weights[i]);
                    Node(m.Parts[i]);
                }

                break;
            case FallbackRecommender.Model m:
                _w.Int32(m.Parts.Length);
                foreach (var part in m.Parts)
                {
                    Node(part);
                }

                break;
        }
    }

    private void Cooccurrence(ItemCooccurrenceModel m)
    {
        _w.Int32(DatasetIndex(m.Dataset, m.Purchases));
        _w.Int32s(m.Affinities.Offsets);
        _w.Int32s(m.Affinities.ProductIndexes);
        _w.Doubles(m.Affinities.Values);
        var similarity = m.Similarity;
        _w.Int32(similarity.Neighbors.Length);
        for (var p = 0; p < similarity.Neighbors.Length; p++)
        {
            _w.Int32s(similarity.Neighbors[p]);
            _w.Doubles(similarity.Similarities[p]);
        }

        _w.Doubles(similarity.Self);
        _w.Int32s(similarity.OccurrenceCounts);
        _w.Int32(similarity.Limit.Limit ?? 0);
        _w.String(similarity.Limit.Description);
        Candidates(m.Fallback);
    }

    private void Als(ImplicitAlsModel m)
    {
        _w.Int32(DatasetIndex(m.Dataset, m.Purchases));
        var o = m.Options;
        _w.Int32(o.Factors);
        _w.Double(o.Regularization);
        _w.Double(o.Alpha);
        _w.Int32((int)o.Weight);
        _w.Int32(o.Iterations);
        _w.Int32(o.CgSteps);
        _w.Int32(o.Seed);
        _w.Int32(o.MaxDegreeOfParallelism ?? 0);
        _w.Int32s(m.UserItems.Offsets);
        _w.Int32s(m.UserItems.Columns);
        _w.Singles(m.UserItems.Values);
        Factors(m.UserFactors);
        Factors(m.ItemFactors);
        Candidates(m.Fallback);
    }

    private void Factors(FactorMatrix matrix)
    {
        _w.Int32(matrix.RowCount);
        _w.Int32(matrix.Factors);
        _w.Singles(matrix.Data);
    }

    private void Candidates(RankedCandidates list)
    {
        _w.Int32s(list.Products);
        _w.Doubles(list.Scores);
        foreach (var reason in list.Reasons)
        {
            _w.Text(reason);
        }
    }
}
