//! Importers for the formats FHI and SSB publish (in progress).
