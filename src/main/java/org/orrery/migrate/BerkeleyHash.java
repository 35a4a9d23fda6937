package org.orrery.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads every key and value of a Berkeley DB hash file, the format Python 2's {@code dbhash} (and
 * so Planet 2.0's cache) wrote: a metadata page, then pages of key/value pairs, values too large
 * for a page continued on chains of overflow pages. Pages are read in file order, so no hash
 * function is needed; free and other pages are passed over.
 */
final class BerkeleyHash {
    private static final int MAGIC = 0x061561;
    // Page types (db_page.h): pages of pairs, sorted (version 9 on) or not, and overflow pages.
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_HASH = 13;
    private static final int P_OVERFLOW = 7;
    // Item types on a hash page.
    private static final int H_KEYDATA = 1;
    private static final int H_OFFPAGE = 3;
    /** The page header before the offsets of a page's items. */
    private static final int HEADER = 26;

    private BerkeleyHash() {}

    /**
     * The pairs of the file, keys and values as bytes decoded by the caller's rule; a pair whose
     * value is not plain data (duplicates, which dbhash never wrote) is left out.
     *
     * @throws IOException when the file cannot be read or is not a Berkeley DB hash file
     */
    static Map<byte[], byte[]> read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        if (bytes.capacity() < 72) {
            throw new IOException(file.getFileName() + ": too short for a Berkeley DB file");
        }
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.getInt(12) != MAGIC) {
            bytes.order(ByteOrder.BIG_ENDIAN);
            if (bytes.getInt(12) != MAGIC) {
                throw new IOException(file.getFileName() + ": not a Berkeley DB hash file");
            }
        }
        int pageSize = bytes.getInt(20);
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new IOException(file.getFileName() + ": unusable page size " + pageSize);
        }
        if (bytes.get(24) != 0) {
            throw new IOException(file.getFileName() + ": encrypted");
        }
        long lastPage = bytes.getInt(32) & 0xffffffffL;
        if ((lastPage + 1) * pageSize > bytes.capacity()) {
            throw new IOException("truncated: " + bytes.capacity() + " bytes of a file of " + (lastPage + 1)
                    + " pages of " + pageSize);
        }
        int pages = (int) lastPage + 1;
        Map<byte[], byte[]> pairs = new LinkedHashMap<>();
        for (int page = 1; page < pages; page++) {
            int start = page * pageSize;
            int type = bytes.get(start + 25) & 0xff;
            if (type != P_HASH && type != P_HASH_UNSORTED) {
                continue;
            }
            int entries = bytes.getShort(start + 20) & 0xffff;
            if (HEADER + 2 * entries > pageSize) {
                throw new IOException(file.getFileName() + ": page " + page + " is damaged");
            }
            for (int i = 0; i + 1 < entries; i += 2) {
                byte[] key = item(bytes, start, pageSize, i, pages);
                byte[] value = item(bytes, start, pageSize, i + 1, pages);
                if (key != null && value != null) {
                    pairs.put(key, value);
                }
            }
        }
        return pairs;
    }

    /** Item {@code index} of the page at {@code start}: its bytes, or null when it is not plain data. */
    private static byte[] item(ByteBuffer bytes, int start, int pageSize, int index, int pages) throws IOException {
        int offset = bytes.getShort(start + HEADER + 2 * index) & 0xffff;
        // Items fill the page from its end: each ends where the one before it begins.
        int end = index == 0 ? pageSize : bytes.getShort(start + HEADER + 2 * (index - 1)) & 0xffff;
        if (offset < HEADER || offset >= end || end > pageSize) {
            throw new IOException("page " + start / pageSize + " is damaged");
        }
        int type = bytes.get(start + offset) & 0xff;
        if (type == H_KEYDATA) {
            byte[] data = new byte[end - offset - 1];
            bytes.get(start + offset + 1, data);
            return data;
        }
        if (type == H_OFFPAGE) {
            return overflow(bytes, pageSize, bytes.getInt(start + offset + 4), bytes.getInt(start + offset + 8), pages);
        }
        return null;
    }

    /** The {@code length} bytes on the chain of overflow pages from {@code page}. */
    private static byte[] overflow(ByteBuffer bytes, int pageSize, int page, int length, int pages) throws IOException {
        if (length < 0) {
            throw new IOException("an overflow item of negative length");
        }
        byte[] data = new byte[length];
        int filled = 0;
        for (int hops = 0; filled < length; hops++) {
            if (page <= 0 || page >= pages || hops > pages) {
                throw new IOException("overflow chain broken at page " + page);
            }
            int start = page * pageSize;
            if ((bytes.get(start + 25) & 0xff) != P_OVERFLOW) {
                throw new IOException("page " + page + " is not an overflow page");
            }
            // On an overflow page the free-area offset holds the length of the data it carries.
            int here = Math.min(bytes.getShort(start + 22) & 0xffff, length - filled);
            if (here <= 0 || HEADER + here > pageSize) {
                throw new IOException("overflow page " + page + " is damaged");
            }
            bytes.get(start + HEADER, data, filled, here);
            filled += here;
            page = bytes.getInt(start + 16);
        }
        return data;
    }
}
