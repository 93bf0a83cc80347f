using System.Collections;
using EDoc.Domain.Identity;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace EDoc.Server.Tests.Hardening;

/// <summary>One way of spoiling a request, named so a failure says which.</summary>
internal sealed record Mutation(string Name, Action<IMessage> Apply);

/// <summary>
/// Builds requests of any message type from its descriptor alone, so a new RPC or field is fuzzed without a line here:
/// a plausible fill (ids, request ids, agency, language) that gets past the first checks, and for every field of the
/// message and of its nested messages, the values an attacker or a broken client sends.
/// </summary>
internal sealed class RequestFuzzer(Random random)
{
    // Deeper than any request's nesting today (request → document → its parts); a message type met again on its own path
    // is not entered twice, so recursive types end.
    private const int MaxDepth = 3;
    private const int HugeRepeatedCount = 3_000;
    private static readonly string Oversize = new('a', 100_000);

    /// <summary>An empty message of the type.</summary>
    public static IMessage Empty(MessageDescriptor type) => type.Parser.ParseFrom(ByteString.Empty);

    /// <summary>A message whose strings look like what a client sends: ids, a request id, a known agency, a language.</summary>
    public IMessage Plausible(MessageDescriptor type)
    {
        var message = Empty(type);
        Fill(message, depth: 0);
        return message;
    }

    /// <summary>Every mutation of every field of the type, nested fields included, named by the field's path.</summary>
    public IReadOnlyList<Mutation> MutationsOf(MessageDescriptor type) => MutationsOf(type, "", [], depth: 0).ToList();

    /// <summary>Random bytes, or a message of the type cut short: what a broken serializer or a dropped connection leaves.</summary>
    public (string Name, byte[] Bytes) Garbage(MessageDescriptor type)
    {
        if (random.Next(2) == 0)
        {
            var bytes = new byte[1 + random.Next(64)];
            random.NextBytes(bytes);
            return ("random bytes", bytes);
        }
        var whole = Plausible(type).ToByteArray();
        // A message with no fields to cut gets field 1 announcing 16 bytes and ending after one.
        return ("truncated", whole.Length < 2 ? [0x0A, 0x10, 0x61] : whole[..random.Next(1, whole.Length)]);
    }

    private IEnumerable<Mutation> MutationsOf(MessageDescriptor type, string prefix, HashSet<string> path, int depth)
    {
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            var name = prefix + field.Name;
            foreach (var (what, apply) in ValuesFor(field))
                yield return new Mutation($"{name}: {what}", root => apply(OwnerAt(root, prefix)));
            if (field.FieldType == FieldType.Message && !field.IsRepeated && !IsWellKnown(field.MessageType) && depth < MaxDepth
                && field.MessageType != type && !path.Contains(field.MessageType.FullName))
            {
                foreach (var nested in MutationsOf(field.MessageType, name + ".", [.. path, type.FullName], depth + 1))
                    yield return nested;
            }
        }
    }

    /// <summary>The message at the dotted path under the root, made present on the way.</summary>
    private static IMessage OwnerAt(IMessage root, string prefix)
    {
        var owner = root;
        foreach (var step in prefix.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var field = owner.Descriptor.FindFieldByName(step);
            var child = (IMessage?)field.Accessor.GetValue(owner);
            if (child is null)
            {
                child = Empty(field.MessageType);
                field.Accessor.SetValue(owner, child);
            }
            owner = child;
        }
        return owner;
    }

    private IEnumerable<(string What, Action<IMessage> Apply)> ValuesFor(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var valueField = field.MessageType.FindFieldByNumber(2);
            yield return ($"{HugeRepeatedCount} entries", m =>
            {
                var map = (IDictionary)field.Accessor.GetValue(m);
                for (var i = 0; i < HugeRepeatedCount; i++) map[$"k{i}"] = Sample(valueField);
            });
            yield return ("control character in a key", m => ((IDictionary)field.Accessor.GetValue(m))["k\0"] = Sample(valueField));
            yield return ("oversize key", m => ((IDictionary)field.Accessor.GetValue(m))[Oversize] = Sample(valueField));
            yield break;
        }
        if (field.IsRepeated)
        {
            yield return ($"{HugeRepeatedCount} items", m =>
            {
                var list = (IList)field.Accessor.GetValue(m);
                for (var i = 0; i < HugeRepeatedCount; i++) list.Add(Sample(field));
            });
            foreach (var (what, value) in SingleValues(field))
                yield return ($"one item {what}", m => ((IList)field.Accessor.GetValue(m)).Add(value));
            yield break;
        }
        foreach (var (what, value) in SingleValues(field))
            yield return (what, m => field.Accessor.SetValue(m, value));
    }

    private IEnumerable<(string What, object Value)> SingleValues(FieldDescriptor field)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                yield return ("missing", "");
                yield return ("100 KB", Oversize);
                yield return ("U+0000", "a\0b");
                yield return ("control characters", "\u0001\u001B[2J\u007F\u0085");
                yield return ("lone surrogate", "\uD800");
                if (NamedLike(field, "iin")) yield return ("IIN with a wrong check digit", TestData.WithWrongCheckDigit(NewIin()));
                if (NamedLike(field, "bin")) yield return ("BIN with a wrong check digit", TestData.WithWrongCheckDigit(NewBin()));
                if (NamedLike(field, "token"))
                {
                    var forged = new byte[48];
                    random.NextBytes(forged);
                    yield return ("forged", Convert.ToBase64String(forged));
                    yield return ("forged JSON", Convert.ToBase64String("{\"offset\":-1,\"after\":\"'; DROP TABLE x\"}"u8.ToArray()));
                }
                break;
            case FieldType.Bytes:
                yield return ("empty", ByteString.Empty);
                yield return ("100 KB", ByteString.CopyFrom(new byte[100_000]));
                break;
            case FieldType.Enum:
                yield return ("unknown number 999", System.Enum.ToObject(field.EnumType.ClrType, 999));
                yield return ("number -1", System.Enum.ToObject(field.EnumType.ClrType, -1));
                break;
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                yield return ("int32 min", int.MinValue);
                yield return ("int32 max", int.MaxValue);
                yield return ("-1", -1);
                break;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                yield return ("int64 min", long.MinValue);
                yield return ("int64 max", long.MaxValue);
                yield return ("-1", -1L);
                break;
            case FieldType.UInt32 or FieldType.Fixed32:
                yield return ("uint32 max", uint.MaxValue);
                break;
            case FieldType.UInt64 or FieldType.Fixed64:
                yield return ("uint64 max", ulong.MaxValue);
                break;
            case FieldType.Double:
                yield return ("NaN", double.NaN);
                yield return ("-infinity", double.NegativeInfinity);
                break;
            case FieldType.Float:
                yield return ("NaN", float.NaN);
                yield return ("infinity", float.PositiveInfinity);
                break;
            case FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName:
                yield return ("seconds 999999999999", new Timestamp { Seconds = 999_999_999_999 });
                yield return ("nanos -1", new Timestamp { Seconds = 1, Nanos = -1 });
                yield return ("nanos 2e9", new Timestamp { Seconds = 1, Nanos = 2_000_000_000 });
                yield return ("int64 min seconds", new Timestamp { Seconds = long.MinValue });
                yield return ("int64 max seconds", new Timestamp { Seconds = long.MaxValue });
                break;
            case FieldType.Message when field.MessageType.FullName == FieldMask.Descriptor.FullName:
                yield return ("unknown path", new FieldMask { Paths = { "no_such_field" } });
                yield return ("U+0000 path", new FieldMask { Paths = { "\0" } });
                yield return ("empty path", new FieldMask { Paths = { "" } });
                break;
            case FieldType.Message:
                yield return ("present but empty", Empty(field.MessageType));
                break;
        }
    }

    /// <summary>A value that is well formed on its own, to make a repeated field or a map large.</summary>
    private object Sample(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => PlausibleText(field),
        FieldType.Bytes => ByteString.Empty,
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, 1),
        FieldType.Message => Plausible(field.MessageType),
        FieldType.Bool => true,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => 1,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 1L,
        FieldType.UInt32 or FieldType.Fixed32 => 1u,
        FieldType.UInt64 or FieldType.Fixed64 => 1ul,
        FieldType.Double => 1d,
        FieldType.Float => 1f,
        _ => throw new InvalidOperationException($"No sample of {field.FieldType}."),
    };

    private void Fill(IMessage message, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsMap || field.IsRepeated || field.ContainingOneof is not null) continue;
            if (field.FieldType == FieldType.String) field.Accessor.SetValue(message, PlausibleText(field));
            else if (field.FieldType == FieldType.Enum) field.Accessor.SetValue(message, System.Enum.ToObject(field.EnumType.ClrType, 1));
            else if (field.FieldType == FieldType.Int32 && NamedLike(field, "size")) field.Accessor.SetValue(message, 10);
            else if (field.FieldType == FieldType.Message && !IsWellKnown(field.MessageType) && depth < 1)
            {
                var child = Empty(field.MessageType);
                Fill(child, depth + 1);
                field.Accessor.SetValue(message, child);
            }
        }
    }

    private string PlausibleText(FieldDescriptor field) => field.Name switch
    {
        "request_id" => new Guid(RandomBytes(16)).ToString("D"),
        "agency_id" => "shymkent-akimat",
        "language" => "kk",
        _ when NamedLike(field, "iin") => NewIin(),
        _ when NamedLike(field, "bin") => NewBin(),
        _ when field.Name.EndsWith("id", StringComparison.Ordinal) => Convert.ToHexString(RandomBytes(8)).ToLowerInvariant(),
        _ => $"Фазз {random.Next(1_000_000)}",
    };

    private string NewIin() =>
        Iin.Create(new DateOnly(1950, 1, 1).AddDays(random.Next(50 * 365)), random.Next(2) == 0 ? Sex.Female : Sex.Male,
            random.Next(Iin.MaxSerial + 1)).Value;

    private string NewBin() =>
        Bin.Create(2001, 3, BinEntityType.ResidentLegalEntity, BinAttribute.HeadOffice, random.Next(Bin.MaxSerial + 1)).Value;

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Whether a word of the field's snake_case name is the word: "iin" and "citizen_iin", not "begin".</summary>
    private static bool NamedLike(FieldDescriptor field, string word) => field.Name.Split('_').Contains(word);

    private static bool IsWellKnown(MessageDescriptor type) => type.File.Package == "google.protobuf";
}
