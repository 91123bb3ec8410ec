/**
 * Entity UPDATEs that never undo a delete: the marker, actor and reason are never written by an
 * update, and an UPDATE applies only to a row still in the state it was loaded in.
 */
package dev.softdelete.hibernate.internal.update;
