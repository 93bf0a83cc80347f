using System.Security.Cryptography;
using System.Text;
using EDoc.Server.Hosting;

namespace EDoc.Server.KeysAtRest;

/// <summary>
/// The key-encryption key that seals the server keys at rest with AES-256-GCM. A single key from configuration
/// rather than ASP.NET Core Data Protection: Data Protection keeps a rotating key ring that would itself need a shared
/// repository and a key to protect it at rest, which is this same key again one level down; here the operator
/// provisions one secret per deployment, like the database password.
/// </summary>
internal sealed class KeyEncryptionKey
{
    /// <summary>The leading byte of a sealed key: the format (nonce, tag, ciphertext) a later version may change.</summary>
    private const byte FormatVersion = 1;

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    private KeyEncryptionKey(byte[] key)
    {
        _key = key;
        // A fingerprint, not the key: SHA-256 is one-way, so naming the key in the store and in messages reveals nothing.
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    /// <summary>Names the key, so a store sealed with another one is recognised before anything is decrypted.</summary>
    public string Id { get; }

    /// <summary>A new random key.</summary>
    public static KeyEncryptionKey Generate() => new(RandomNumberGenerator.GetBytes(KeySize));

    /// <summary>The key from its base64 text (the KeyEncryptionKey setting or the generated file).</summary>
    public static KeyEncryptionKey Parse(string base64, string source)
    {
        var key = new byte[KeySize];
        return Convert.TryFromBase64String(base64.Trim(), key, out var length) && length == KeySize
            ? new KeyEncryptionKey(key)
            : throw new StartupRefusedException(
                $"{source} must be 32 random bytes in base64 (make one with: openssl rand -base64 32).");
    }

    /// <summary>The key as base64 text, for the generated file.</summary>
    public string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>Seals a server key's material; its name is authenticated too, so sealed rows cannot be swapped.</summary>
    public byte[] Seal(string name, byte[] material)
    {
        var sealedKey = new byte[1 + NonceSize + TagSize + material.Length];
        sealedKey[0] = FormatVersion;
        var nonce = sealedKey.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, material, sealedKey.AsSpan(1 + NonceSize + TagSize), sealedKey.AsSpan(1 + NonceSize, TagSize),
            Encoding.UTF8.GetBytes(name));
        return sealedKey;
    }

    /// <summary>The material of a server key sealed with this key.</summary>
    public byte[] Unseal(string name, byte[] sealedKey)
    {
        if (sealedKey.Length < 1 + NonceSize + TagSize || sealedKey[0] != FormatVersion) throw Unreadable(name);
        var material = new byte[sealedKey.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        try
        {
            aes.Decrypt(sealedKey.AsSpan(1, NonceSize), sealedKey.AsSpan(1 + NonceSize + TagSize), sealedKey.AsSpan(1 + NonceSize, TagSize),
                material, Encoding.UTF8.GetBytes(name));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw Unreadable(name);
        }
        return material;
    }

    private StartupRefusedException Unreadable(string name) =>
        new($"The server key '{name}' does not decrypt with the key-encryption key {Id}: the stored key was altered or sealed with another key.");
}
