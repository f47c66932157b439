package com.watchparty.query.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

public interface MovieRows extends JpaRepository<MovieRow, UUID> {
}
