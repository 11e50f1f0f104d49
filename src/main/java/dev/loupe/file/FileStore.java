package dev.loupe.file;

import java.io.InputStream;
import java.util.Optional;

/** Stores files by key ({@code products/loupe-one.svg}); public files get a URL shoppers can load. */
public interface FileStore {

	/** Stores the bytes under the key, replacing an earlier file; returns where it can be fetched. */
	StoredFile put(String key, byte[] content, String contentType);

	/** The content of a stored file, or empty. */
	Optional<InputStream> open(String key);

	/** Deletes a file; deleting a missing file is harmless. */
	void delete(String key);
}
