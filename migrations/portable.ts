import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export type MigrationDialect = 'sqlite' | 'postgres';

/** A migration written once for both engines; the few type differences go through helpers here. */
export interface PortableMigration {
  up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void>;
}

/** An auto-incrementing integer primary key: `integer primary key autoincrement` / `bigserial`. */
export function addSequenceKey<T extends string>(
  table: CreateTableBuilder<T, never>,
  name: string,
  dialect: MigrationDialect,
): CreateTableBuilder<T, never> {
  return dialect === 'postgres'
    ? (table.addColumn(name, 'bigserial', (c) => c.primaryKey()) as CreateTableBuilder<T, never>)
    : (table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement()) as CreateTableBuilder<T, never>);
}

/**
 * Text compared byte by byte. Materialised paths are range-scanned (path >= p and path < p||'~'),
 * which needs binary ordering: PostgreSQL's default collation is locale-aware, SQLite's is binary.
 */
export function binaryText(dialect: MigrationDialect) {
  return (column: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'postgres' ? column.modifyEnd(sql`collate "C"`) : column;
}

/** Double precision floats for coordinates and scores. */
export function floatType(dialect: MigrationDialect): 'double precision' | 'real' {
  return dialect === 'postgres' ? 'double precision' : 'real';
}
