using System.Formats.Cbor;

namespace EDoc.Domain.Certificates.Qr;

/// <summary>
/// A COSE_Sign1 message (RFC 9052 section 4.2) with the one header shape EDoc writes: protected {1 (alg): -7 (ES256),
/// 4 (kid): bstr}, unprotected {}.
/// </summary>
internal sealed record CoseSign1(byte[] ProtectedHeader, byte[] Payload, byte[] Signature)
{
    /// <summary>The CBOR tag of COSE_Sign1 (RFC 9052 section 2).</summary>
    public const CborTag Tag = (CborTag)18;

    /// <summary>COSE algorithm ES256: ECDSA P-256 with SHA-256 (RFC 9053 section 2.1).</summary>
    public const int Es256 = -7;

    private const int AlgorithmLabel = 1;
    private const int KeyIdLabel = 4;

    /// <summary>
    /// Canonical CBOR (RFC 7049 section 3.9) both ways: the writer gives one byte string per message, and the reader
    /// refuses any other spelling, so the unsigned parts (the outer array, the unprotected map) cannot be re-encoded into
    /// a second QR text for the same signature.
    /// </summary>
    public const CborConformanceMode Conformance = CborConformanceMode.Canonical;

    /// <summary>The serialized protected header for a kid.</summary>
    public static byte[] ProtectedHeaderFor(byte[] keyId)
    {
        var writer = new CborWriter(Conformance);
        writer.WriteStartMap(2);
        writer.WriteInt32(AlgorithmLabel);
        writer.WriteInt32(Es256);
        writer.WriteInt32(KeyIdLabel);
        writer.WriteByteString(keyId);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>
    /// The bytes the signature covers, Sig_structure = ["Signature1", protected, external_aad, payload] (RFC 9052
    /// section 4.4); the external AAD is empty because nothing outside the QR is bound to it.
    /// </summary>
    public static byte[] ToBeSigned(byte[] protectedHeader, byte[] payload)
    {
        var writer = new CborWriter(Conformance);
        writer.WriteStartArray(4);
        writer.WriteTextString("Signature1");
        writer.WriteByteString(protectedHeader);
        writer.WriteByteString([]);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        return writer.Encode();
    }

    /// <summary>The bytes this message's signature covers.</summary>
    public byte[] ToBeSigned() => ToBeSigned(ProtectedHeader, Payload);

    /// <summary>The tagged message: 18([protected, {}, payload, signature]).</summary>
    public byte[] Encode()
    {
        var writer = new CborWriter(Conformance);
        writer.WriteTag(Tag);
        writer.WriteStartArray(4);
        writer.WriteByteString(ProtectedHeader);
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteByteString(Payload);
        writer.WriteByteString(Signature);
        writer.WriteEndArray();
        return writer.Encode();
    }

    /// <summary>The message in <paramref name="bytes"/>, or null when they are anything else (including trailing bytes).</summary>
    public static CoseSign1? TryDecode(byte[] bytes) => Cbor.TryRead(() =>
    {
        var reader = new CborReader(bytes, Conformance);
        if (reader.ReadTag() != Tag || reader.ReadStartArray() != 4) return null;
        var protectedHeader = reader.ReadByteString();
        if (reader.ReadStartMap() != 0) return null;
        reader.ReadEndMap();
        var payload = reader.ReadByteString();
        var signature = reader.ReadByteString();
        reader.ReadEndArray();
        return reader.BytesRemaining == 0 ? new CoseSign1(protectedHeader, payload, signature) : null;
    });

    /// <summary>The kid of a protected header whose algorithm is ES256; null for any other header.</summary>
    public static byte[]? TryReadKeyId(byte[] protectedHeader) => Cbor.TryRead(() =>
    {
        var reader = new CborReader(protectedHeader, Conformance);
        if (reader.ReadStartMap() != 2 || reader.ReadInt32() != AlgorithmLabel || reader.ReadInt32() != Es256 ||
            reader.ReadInt32() != KeyIdLabel) return null;
        var keyId = reader.ReadByteString();
        reader.ReadEndMap();
        return reader.BytesRemaining == 0 && keyId.Length == QrKeyId.Length ? keyId : null;
    });
}
