package dev.softdelete.it.model;

import jakarta.persistence.Entity;

import java.math.BigDecimal;

@Entity
public class JoinedSavingsAccount extends JoinedAccount {

    private BigDecimal rate;

    protected JoinedSavingsAccount() {
    }

    public JoinedSavingsAccount(Long id, String owner, BigDecimal rate) {
        super(id, owner);
        this.rate = rate;
    }

    public BigDecimal getRate() {
        return rate;
    }
}
