namespace EDoc.Domain; internal static class Placeholder {}
