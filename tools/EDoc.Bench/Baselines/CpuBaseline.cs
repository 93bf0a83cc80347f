using System.Security.Cryptography;
using EDoc.Bench.Measurement;
using Microsoft.AspNetCore.Identity;

namespace EDoc.Bench.Baselines;

/// <summary>
/// A cryptographic primitive the server spends its CPU on, run flat out on one core: the ceiling of what any code
/// using it can reach per core. (c) SHA-256 prices the leaf hash of every event, (d) ECDSA P-256 the signed
/// checkpoints and certificates, and PBKDF2 the password hash that makes CreateEmployee CPU bound.
/// </summary>
internal sealed class CpuBaseline(string id, string label, string unit, Func<Action> prepare) : IBaseline
{
    /// <summary>A 256-byte input: the size of a typical canonical event.</summary>
    private const int EventSize = 256;

    public static IReadOnlyList<IBaseline> All { get; } =
    [
        new CpuBaseline("sha256", "(c) SHA-256 of a 256-byte event", "hashes/s per core", () =>
        {
            var input = RandomNumberGenerator.GetBytes(EventSize);
            var output = new byte[SHA256.HashSizeInBytes];
            return () => SHA256.HashData(input, output);
        }),
        new CpuBaseline("ecdsa-sign", "(d) ECDSA P-256 sign (SHA-256 of 256 bytes)", "signatures/s per core", () =>
        {
            var (key, input, _) = SigningKey();
            return () => key.SignData(input, HashAlgorithmName.SHA256);
        }),
        new CpuBaseline("ecdsa-verify", "(d) ECDSA P-256 verify", "verifications/s per core", () =>
        {
            var (key, input, signature) = SigningKey();
            return () =>
            {
                if (!key.VerifyData(input, signature, HashAlgorithmName.SHA256)) throw new CryptographicException("Signature did not verify.");
            };
        }),
        new CpuBaseline("pbkdf2", "PBKDF2 password hash (ASP.NET Core Identity, as the server)", "hashes/s per core", () =>
        {
            var hasher = new PasswordHasher<object>();
            var user = new object();
            return () => hasher.HashPassword(user, "Bench-password-2026");
        }),
    ];

    public async Task<IReadOnlyList<BaselineFigure>> MeasureAsync(TimeSpan duration, CancellationToken ct) =>
        [new BaselineFigure(id, label, await TimedLoop.PerSecondAsync(prepare(), duration), unit)];

    // The key lives as long as the process: a bench measures, it does not need to release a handle early.
    private static (ECDsa Key, byte[] Input, byte[] Signature) SigningKey()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var input = RandomNumberGenerator.GetBytes(EventSize);
        return (key, input, key.SignData(input, HashAlgorithmName.SHA256));
    }
}
