using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace FabricFinance.Client.Internal;

/// <summary>
/// Loads each PKCS#11 library once per process and unloads it when its last user is done. A library is initialized
/// (<c>C_Initialize</c>) once per process and finalized (<c>C_Finalize</c>) for every user at once, so signers on the
/// same library must share one instance.
/// </summary>
internal static class Pkcs11Libraries
{
    private static readonly Dictionary<string, Entry> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static readonly Pkcs11InteropFactories Factories = CreateFactories();

    public static Pkcs11InteropFactories Factory => Factories;

    /// <summary>Loads the library, or takes another reference to it.</summary>
    /// <exception cref="Pkcs11Exception">The library failed to initialize.</exception>
    /// <exception cref="UnmanagedException">The library cannot be loaded.</exception>
    public static Lease Acquire(string path)
    {
        var fullPath = Path.GetFullPath(path);
        lock (Gate)
        {
            if (!Loaded.TryGetValue(fullPath, out var entry))
            {
                var library = Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, fullPath, AppType.MultiThreaded);
                entry = new Entry(library);
                Loaded.Add(fullPath, entry);
            }

            entry.References++;
            return new Lease(fullPath, entry.Library);
        }
    }

    /// <summary>
    /// Pkcs11Interop loads libraries with <c>dlopen</c> from <c>libdl</c>, a name that exists on Linux only where the C
    /// development files are installed; glibc itself ships <c>libdl.so.2</c> (and, from 2.34, <c>dlopen</c> in
    /// <c>libc.so.6</c>). Resolve the bare name to those, unless the application already resolves Pkcs11Interop's imports.
    /// </summary>
    private static Pkcs11InteropFactories CreateFactories()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, ResolveLibdl);
            }
            catch (InvalidOperationException)
            {
                // The application set its own resolver for Pkcs11Interop: leave it in charge.
            }
        }

        return new Pkcs11InteropFactories();
    }

    private static IntPtr ResolveLibdl(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!string.Equals(libraryName, "libdl", StringComparison.Ordinal))
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in (string[])["libdl.so", "libdl.so.2", "libc.so.6"])
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    private static void Release(string fullPath)
    {
        IPkcs11Library? toUnload = null;
        lock (Gate)
        {
            if (Loaded.TryGetValue(fullPath, out var entry) && --entry.References == 0)
            {
                Loaded.Remove(fullPath);
                toUnload = entry.Library;
            }
        }

        toUnload?.Dispose();
    }

    /// <summary>One user's reference to a loaded library; disposing it releases the reference once.</summary>
    internal sealed class Lease(string fullPath, IPkcs11Library library) : IDisposable
    {
        private int _released;

        public IPkcs11Library Library { get; } = library;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Release(fullPath);
            }
        }
    }

    private sealed class Entry(IPkcs11Library library)
    {
        public IPkcs11Library Library { get; } = library;

        public int References { get; set; }
    }
}
