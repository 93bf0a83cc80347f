using System.Formats.Cbor;

namespace EDoc.Domain.Certificates.Qr;

/// <summary>Reading CBOR from a scanned QR code, which anyone can craft: every way the reader can refuse becomes null.</summary>
internal static class Cbor
{
    /// <summary>The value <paramref name="read"/> returns, or null when the bytes are not what it expects.</summary>
    public static T? TryRead<T>(Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        // CborContentException: invalid or non-canonical CBOR; InvalidOperationException: another type than expected;
        // OverflowException: an integer out of range; ArgumentException: a date out of range.
        catch (Exception error) when (error is CborContentException or InvalidOperationException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
