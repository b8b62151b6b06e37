namespace CustomerAnalytics.Benchmarks.Generation;

/// <summary>How the generator writes customer, product and order ids. Both styles describe the same figures.</summary>
internal enum IdStyle
{
    /// <summary>Short sequential ids (<c>C0000001</c>, <c>P000001</c>, integer order numbers), customers in id order.</summary>
    Sequential,

    /// <summary>
    /// Ids as real systems write them: UUID customers (<c>1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed</c>), SKU products
    /// (<c>SKU-77423-181</c>), string order numbers (<c>SO-000000001</c>), and the customer file shuffled.
    /// </summary>
    Realistic,
}
